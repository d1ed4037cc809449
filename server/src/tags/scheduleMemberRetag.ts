import type { System } from '../system/System';
import { retagMemberTask } from './RetagMemberTask';

/**
 * Asks for a member's dynamic tags to be recomputed, after a purchase or refund has
 * committed. Called after the commit, not inside the ledger transaction, because: the
 * job must see the committed purchase (a job enqueued inside could run first, or for a
 * purchase that then rolls back); rules scan the member's history, which must not
 * lengthen the transaction that holds the member's row lock at the till; and Redis
 * being down must not fail a sale. A failure here is logged, and the nightly run
 * repairs the tags.
 *
 * When the member's job is already running (it may have read the history before this
 * purchase), a second id is used so that one more run follows it.
 */
export async function scheduleMemberRetag(system: System, memberId: string): Promise<void> {
  try {
    const id = retagMemberTask.jobId({ memberId });
    const existing = await system.queues.get(retagMemberTask.queueName).getJob(id);
    const jobId = existing && (await existing.isActive()) ? `${id}:again` : id;
    await system.scheduler.schedule(retagMemberTask, { memberId }, { jobId });
  } catch (error) {
    system.logger.warn({ err: error, memberId }, 'could not schedule a retag; the nightly run will catch up');
  }
}
