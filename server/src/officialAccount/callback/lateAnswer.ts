import type { Logger } from '../../logging/createLogger';
import type { System } from '../../system/System';
import type { CustomMessage } from '../jobs/SendCustomMessageTask';
import { sendCustomMessageTask } from '../jobs/SendCustomMessageTask';
import type { AfterReply, Answer, Reply } from '../replies/Reply';

/** What a passive reply becomes when it is sent late, as a customer-service message. */
export function customMessageFor(reply: Reply): CustomMessage | null {
  switch (reply.type) {
    case 'text':
      return reply.content.trim() === '' ? null : { type: 'text', content: reply.content };
    case 'image':
      return { type: 'image', mediaId: reply.mediaId };
    case 'transfer':
      // A hand-off only works as a passive reply; late, the follower is told a person will answer.
      return { type: 'text', content: '已为您转接店员，请稍候，店员会尽快回复您。' };
    case 'empty':
      return null;
  }
}

/** Runs an answer's follow-up work (enqueueing jobs); failures are logged, never thrown at the reply. */
export async function runAfterReply(system: System, after: AfterReply[] | undefined, log: Logger): Promise<void> {
  for (const step of after ?? []) {
    try {
      await step(system);
    } catch (error) {
      log.error({ err: error }, 'follow-up work of a push failed');
    }
  }
}

/**
 * The push already got an empty answer because its handler ran past the budget: once the
 * handler finishes, its reply is sent as a customer-service message from a queue job
 * (job id from the push's dedup key: once, however often WeChat re-delivers).
 */
export function sendWhenReady(system: System, openid: string, dedupKey: string, work: Promise<Answer>, log: Logger): void {
  work.then(
    async (answer) => {
      const message = customMessageFor(answer.reply);
      if (message) await system.scheduler.schedule(sendCustomMessageTask, { openid, message, key: `${dedupKey}:late` });
      await runAfterReply(system, answer.after, log);
      log.info({ dedupKey, sent: message !== null }, 'late answer handed to the customer-service queue');
    },
    (error: unknown) => log.error({ err: error, dedupKey }, 'push handler failed after the empty answer'),
  ).catch((error: unknown) => log.error({ err: error, dedupKey }, 'could not enqueue the late answer'));
}
