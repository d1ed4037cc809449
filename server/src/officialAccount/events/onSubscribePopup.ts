import { recordSubscribeGrants } from '../../campaigns/subscribeGrants';
import type { OaRequest } from '../OaRequest';
import type { InboundEvent } from '../callback/InboundMessage';
import type { Answer } from '../replies/Reply';
import { emptyAnswer } from '../replies/Reply';

/**
 * subscribe_msg_popup_event: each template the follower accepted allows one more
 * subscription notice (campaigns on the subscribe channel spend them). Re-deliveries of
 * the push never reach here, so a grant is counted once.
 */
export async function onSubscribePopup(request: OaRequest<InboundEvent>): Promise<Answer> {
  const accepted = request.message.popupAnswers.filter((answer) => answer.status === 'accept').map((answer) => answer.templateId);
  await recordSubscribeGrants(request.system.dataSource, request.message.openid, accepted);
  return emptyAnswer();
}
