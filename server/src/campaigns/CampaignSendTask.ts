import { createHash } from 'node:crypto';
import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { CAMPAIGN_SEND_QUEUE } from './campaignQueues';
import { campaignSender } from './campaignSender';

/**
 * A batch of one campaign's sends (ascending record ids, at most `campaigns.sendBatchSize`),
 * for one generation of the campaign; `wakeAt` when it waited out quiet hours. `sendId` is
 * the one-send form that jobs queued before batching carried.
 */
export interface CampaignSendPayload {
  sendIds?: string[];
  /** @deprecated one-send jobs queued before batching; new jobs carry `sendIds`. */
  sendId?: string;
  generation: number;
  wakeAt?: number;
}

/** The record ids a payload names, whichever form it has. */
export function sendIdsOf(payload: CampaignSendPayload): string[] {
  return payload.sendIds ?? (payload.sendId === undefined ? [] : [payload.sendId]);
}

/**
 * A send job, on the rate-limited `campaign-sends` queue: a batch of records, so that Bull's
 * own cost (about as much as a send's) is paid once per batch. Its id names the records and
 * the generation (`campaign-send:<id>:g<generation>` for one record, the first and last id
 * and a digest of all of them for several), so enqueuing the same batch twice keeps one job;
 * batches that overlap are safe because each record is claimed on its own. A resume (new
 * generation) enqueues afresh and jobs of the old generation step aside.
 */
export class CampaignSendTask extends Task<CampaignSendPayload> {
  readonly name = 'campaigns.send';
  override readonly queueName = CAMPAIGN_SEND_QUEUE;

  override jobId(payload: CampaignSendPayload): string {
    const ids = sendIdsOf(payload);
    const wake = payload.wakeAt === undefined ? '' : `:w${payload.wakeAt}`;
    const batch = ids.length === 1 ? ids[0]! : `${ids[0]}-${ids[ids.length - 1]}.${createHash('sha1').update(ids.join(',')).digest('base64url').slice(0, 10)}`;
    return `campaign-send:${batch}:g${payload.generation}${wake}`;
  }

  async perform(payload: CampaignSendPayload, { system, job, log }: TaskContext): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    const outcome = await campaignSender({ system, sendIds: sendIdsOf(payload), generation: payload.generation, lastAttempt: job.attemptsMade + 1 >= attempts, log });
    if (outcome.kind === 'wait') {
      // Quiet hours began after planning: the sends are delayed, not dropped. A wake that
      // came a little early must not reuse its own job id (that add would be a no-op).
      const wakeAt = outcome.wakeAt === payload.wakeAt ? outcome.wakeAt + 1000 : outcome.wakeAt;
      await system.scheduler.schedule(
        this,
        { sendIds: outcome.sendIds, generation: payload.generation, wakeAt },
        { attempts, delay: Math.max(0, wakeAt - Date.now()) },
      );
    }
  }
}

/** The task instance the worker registers and callers schedule. */
export const campaignSendTask = new CampaignSendTask();
