import type { AutoReplyContent } from '@toyclub/shared';
import { sendCustomMessageTask } from '../officialAccount/jobs/SendCustomMessageTask';
import type { TextHandler } from '../officialAccount/intents/TextHandler';
import type { OaRequest } from '../officialAccount/OaRequest';
import type { Answer } from '../officialAccount/replies/Reply';
import { emptyAnswer } from '../officialAccount/replies/Reply';
import { matchAutoReply } from './autoReplyMatcher';

/**
 * The reply a rule gives. A mini-program card cannot be a passive reply: the push is
 * answered empty and the card follows as a customer-service message from a queue job (the
 * follower just wrote, so the 48-hour window is open), once per push: the job id comes from
 * the push's dedup key and re-deliveries get the settled empty reply without running this.
 */
export function ruleAnswer(request: OaRequest, reply: AutoReplyContent): Answer {
  if (reply.type === 'text') return { reply: { type: 'text', content: reply.content } };
  if (reply.type === 'image') return { reply: { type: 'image', mediaId: reply.mediaId } };
  const { config } = request.system;
  const { openid } = request.message;
  const message = {
    type: 'miniProgramCard' as const,
    title: reply.title,
    appId: config.wechat.mp.appId,
    pagePath: reply.pagepath,
    thumbMediaId: reply.thumbMediaId ?? config.officialAccount.cardThumbMediaId,
  };
  return emptyAnswer([(system) => system.scheduler.schedule(sendCustomMessageTask, { openid, message, key: `${request.dedupKey}:card` })]);
}

/** The store owner's keyword rules, tried before the built-in intents. */
export const autoReplyIntent: TextHandler = async (request, text) => {
  const match = await matchAutoReply(request.system.dataSource, text.raw);
  if (!match) return null;
  request.log.debug({ ruleId: match.ruleId }, 'auto-reply rule matched');
  return ruleAnswer(request, match.reply);
};
