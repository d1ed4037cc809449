import type { OaRequest } from '../OaRequest';
import type { InboundEvent } from '../callback/InboundMessage';
import { markFollowerUnreachable } from '../followers/markFollowerUnreachable';
import type { Answer } from '../replies/Reply';
import { emptyAnswer } from '../replies/Reply';

/** An unfollow: the follower becomes unreachable, so that no campaign sends to them. Nothing to answer. */
export async function onUnsubscribe(request: OaRequest<InboundEvent>): Promise<Answer> {
  const { system, message } = request;
  await markFollowerUnreachable(system.dataSource, message.openid, 'unsubscribed', new Date(message.createTime * 1000));
  return emptyAnswer();
}
