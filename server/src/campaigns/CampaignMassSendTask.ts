import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { CAMPAIGN_QUEUE } from './campaignQueues';
import { campaignMassSender } from './campaignMassSender';

/** The one mass send of a run, for one generation. */
export interface CampaignMassSendPayload {
  runId: string;
  generation: number;
  /** Set when the send waits out quiet hours: the time it is due. */
  wakeAt?: number;
}

/** A mass send by tag: one WeChat call reaches the tag; its `clientmsgid` makes a retry harmless for 24 h. */
export class CampaignMassSendTask extends Task<CampaignMassSendPayload> {
  readonly name = 'campaigns.massSend';
  override readonly queueName = CAMPAIGN_QUEUE;

  override jobId(payload: CampaignMassSendPayload): string {
    const wake = payload.wakeAt === undefined ? '' : `:w${payload.wakeAt}`;
    return `campaign-mass:${payload.runId}:g${payload.generation}${wake}`;
  }

  async perform(payload: CampaignMassSendPayload, { system, job, log }: TaskContext): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    const outcome = await campaignMassSender({ system, runId: payload.runId, generation: payload.generation, lastAttempt: job.attemptsMade + 1 >= attempts, log });
    if (outcome.kind === 'wait') {
      // As for member sends: delayed to the end of quiet hours, under a new id if woken early.
      const wakeAt = outcome.wakeAt === payload.wakeAt ? outcome.wakeAt + 1000 : outcome.wakeAt;
      await system.scheduler.schedule(this, { ...payload, wakeAt }, { attempts, delay: Math.max(0, wakeAt - Date.now()) });
    }
  }
}

/** The task instance the worker registers and callers schedule. */
export const campaignMassSendTask = new CampaignMassSendTask();
