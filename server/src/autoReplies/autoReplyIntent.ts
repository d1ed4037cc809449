import type { AutoReplyContent } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import type { TextHandler } from '../officialAccount/intents/TextHandler';
import { miniProgramLink } from '../officialAccount/replies/miniProgramLink';
import type { Answer } from '../officialAccount/replies/Reply';
import { matchAutoReply } from './autoReplyMatcher';

/**
 * The reply a rule gives. A mini-program card cannot be a passive reply, and the gateway
 * has no customer-service `miniprogrampage` call yet, so it goes out as a text link that
 * opens the same page.
 */
export function ruleAnswer(config: AppConfig, reply: AutoReplyContent): Answer {
  if (reply.type === 'text') return { reply: { type: 'text', content: reply.content } };
  if (reply.type === 'image') return { reply: { type: 'image', mediaId: reply.mediaId } };
  const [page, query] = reply.pagepath.split('?');
  const params = Object.fromEntries(new URLSearchParams(query ?? ''));
  return { reply: { type: 'text', content: miniProgramLink(config, page!, reply.title, params) } };
}

/** The store owner's keyword rules, tried before the built-in intents. */
export const autoReplyIntent: TextHandler = async (request, text) => {
  const match = await matchAutoReply(request.system.dataSource, text.raw);
  if (!match) return null;
  request.log.debug({ ruleId: match.ruleId }, 'auto-reply rule matched');
  return ruleAnswer(request.system.config, match.reply);
};
