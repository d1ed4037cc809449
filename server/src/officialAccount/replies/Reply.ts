import type { CoWechatReply } from 'co-wechat';
import type { System } from '../../system/System';

/**
 * A passive reply: text, an image by media id, a hand-off to customer service, or nothing
 * (a 0-byte body, which stops WeChat's retries without showing anything).
 */
export type Reply =
  | { type: 'text'; content: string }
  | { type: 'image'; mediaId: string }
  | { type: 'transfer' }
  | { type: 'empty' };

/** Work to do once the reply is settled: enqueue jobs (never slow work itself). */
export type AfterReply = (system: System) => Promise<unknown>;

/** What a handler decides: the reply, and what must follow it. */
export interface Answer {
  reply: Reply;
  after?: AfterReply[];
}

/** No reply. */
export const EMPTY_REPLY: Reply = { type: 'empty' };

/** A text answer. */
export function textAnswer(content: string, after?: AfterReply[]): Answer {
  return { reply: { type: 'text', content }, after };
}

/** An answer with nothing to say now. */
export function emptyAnswer(after?: AfterReply[]): Answer {
  return { reply: EMPTY_REPLY, after };
}

/**
 * What co-wechat must return for a reply. Never `undefined` (an empty text, which shows
 * WeChat's error prompt) and never `'success'` (sent as a text saying "success").
 */
export function toCoWechatReply(reply: Reply): CoWechatReply {
  switch (reply.type) {
    case 'text':
      // An empty Content shows the user WeChat's error prompt: answer nothing instead.
      return reply.content.trim() === '' ? '' : reply.content;
    case 'image':
      return { type: 'image', content: { mediaId: reply.mediaId } };
    case 'transfer':
      return { type: 'customerService' };
    case 'empty':
      return '';
  }
}
