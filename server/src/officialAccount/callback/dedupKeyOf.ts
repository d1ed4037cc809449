import { createHash } from 'node:crypto';
import type { InboundMessage } from './InboundMessage';

/**
 * What makes two pushes the same push: the MsgId for messages; for events (which have
 * none) the sender, time, event and key, plus the template MsgID so that two results
 * reported to one follower in the same second stay apart. Hashed to a fixed length.
 */
export function dedupKeyOf(message: InboundMessage): string {
  if (message.kind === 'text') return `m:${message.msgId}`;
  if (message.kind === 'other' && message.msgId) return `m:${message.msgId}`;
  const parts =
    message.kind === 'event'
      ? [message.openid, message.createTime, message.event, message.eventKey, message.templateMsgId ?? '']
      : [message.openid, message.createTime, message.msgType];
  return `e:${createHash('sha1').update(parts.join('|')).digest('hex')}`;
}
