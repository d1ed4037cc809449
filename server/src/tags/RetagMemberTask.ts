import type Bull from 'bull';
import { runInTransaction } from '../db/runInTransaction';
import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { memberTagger } from './memberTagger';
import type { MemberRetagResult } from './memberTagger';
import { scheduleTagMirror } from './TagMirrorTask';

/** A member whose purchases changed. */
export interface RetagMemberPayload {
  memberId: string;
}

/** Mirror runs after retags wait this long, so that a burst of purchases makes one run. */
const MIRROR_DELAY_MS = 5_000;

/**
 * Recomputes one member's dynamic tags after a purchase, refund or receipt claim. One
 * job id per member, with a short delay: a burst of purchases by one member collapses
 * into one job, which reads the history as it is when it runs.
 */
export class RetagMemberTask extends Task<RetagMemberPayload> {
  readonly name = 'tags.retagMember';
  override readonly queueName = 'tags';

  override get options(): Bull.JobOptions {
    // Removed when done, so that the next purchase schedules a new job under the same id.
    return { delay: 1_000, removeOnComplete: true, removeOnFail: true };
  }

  override jobId(payload: RetagMemberPayload): string {
    return `tags-retag:${payload.memberId}`;
  }

  async perform(payload: RetagMemberPayload, { system, log }: TaskContext): Promise<MemberRetagResult> {
    const result = await runInTransaction(system.dataSource, (manager) => memberTagger({ manager, memberId: payload.memberId }));
    for (const tagId of result.mirroredChanged) await scheduleTagMirror(system, tagId, MIRROR_DELAY_MS);
    if (result.added.length + result.removed.length > 0) log.info({ memberId: payload.memberId, ...result }, 'member retagged');
    return result;
  }
}

/** The task instance the worker registers and callers schedule. */
export const retagMemberTask = new RetagMemberTask();
