import type { OaRequest } from '../OaRequest';
import type { InboundEvent } from '../callback/InboundMessage';
import { eventIs } from '../callback/InboundMessage';
import type { Answer } from '../replies/Reply';
import { emptyAnswer } from '../replies/Reply';
import { onClick } from './onClick';
import { onScan } from './onScan';
import { onSubscribePopup } from './onSubscribePopup';
import { onSubscribe } from './onSubscribe';
import { onTemplateSendFinished } from './onTemplateSendFinished';
import { onUnsubscribe } from './onUnsubscribe';

/** Events that are not something the follower did (no interaction to record). */
export function isSystemEvent(message: InboundEvent): boolean {
  return ['unsubscribe', 'TEMPLATESENDJOBFINISH', 'MASSSENDJOBFINISH'].some((name) => eventIs(message, name));
}

/** Routes an event to its handler; events the store does not act on get an empty reply. */
export async function answerEvent(request: OaRequest<InboundEvent>): Promise<Answer> {
  const message = request.message;
  if (eventIs(message, 'subscribe')) return onSubscribe(request);
  if (eventIs(message, 'unsubscribe')) return onUnsubscribe(request);
  if (eventIs(message, 'SCAN')) return onScan(request);
  if (eventIs(message, 'CLICK')) return onClick(request);
  if (eventIs(message, 'TEMPLATESENDJOBFINISH')) return onTemplateSendFinished(request);
  if (eventIs(message, 'subscribe_msg_popup_event')) return onSubscribePopup(request);
  return emptyAnswer();
}
