import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { CAMPAIGN_SEND_QUEUE } from './campaignQueues';
import { campaignSender } from './campaignSender';

/** One member's send, for one generation of the campaign; `wakeAt` when it waited out quiet hours. */
export interface CampaignSendPayload {
  sendId: string;
  generation: number;
  wakeAt?: number;
}

/**
 * A send job, on the rate-limited `campaign-sends` queue. Its id names the record and the
 * generation, so planning twice enqueues once; a resume (new generation) enqueues afresh
 * and jobs of the old generation step aside.
 */
export class CampaignSendTask extends Task<CampaignSendPayload> {
  readonly name = 'campaigns.send';
  override readonly queueName = CAMPAIGN_SEND_QUEUE;

  override jobId(payload: CampaignSendPayload): string {
    const wake = payload.wakeAt === undefined ? '' : `:w${payload.wakeAt}`;
    return `campaign-send:${payload.sendId}:g${payload.generation}${wake}`;
  }

  async perform(payload: CampaignSendPayload, { system, job, log }: TaskContext): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    const outcome = await campaignSender({ system, sendId: payload.sendId, generation: payload.generation, lastAttempt: job.attemptsMade + 1 >= attempts, log });
    if (outcome.kind === 'wait') {
      // Quiet hours began after planning: the send is delayed, not dropped. A wake that
      // came a little early must not reuse its own job id (that add would be a no-op).
      const wakeAt = outcome.wakeAt === payload.wakeAt ? outcome.wakeAt + 1000 : outcome.wakeAt;
      await system.scheduler.schedule(
        this,
        { sendId: payload.sendId, generation: payload.generation, wakeAt },
        { attempts, delay: Math.max(0, wakeAt - Date.now()) },
      );
    }
  }
}

/** The task instance the worker registers and callers schedule. */
export const campaignSendTask = new CampaignSendTask();
