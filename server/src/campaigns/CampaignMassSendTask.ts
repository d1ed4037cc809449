import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { CAMPAIGN_QUEUE } from './campaignQueues';
import { campaignMassSender } from './campaignMassSender';

/** The one mass send of a run, for one generation. */
export interface CampaignMassSendPayload {
  runId: string;
  generation: number;
}

/** A mass send by tag: one WeChat call reaches the tag; its `clientmsgid` makes a retry harmless for 24 h. */
export class CampaignMassSendTask extends Task<CampaignMassSendPayload> {
  readonly name = 'campaigns.massSend';
  override readonly queueName = CAMPAIGN_QUEUE;

  override jobId(payload: CampaignMassSendPayload): string {
    return `campaign-mass:${payload.runId}:g${payload.generation}`;
  }

  async perform(payload: CampaignMassSendPayload, { system, job, log }: TaskContext): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    await campaignMassSender({ system, runId: payload.runId, generation: payload.generation, lastAttempt: job.attemptsMade + 1 >= attempts, log });
  }
}

/** The task instance the worker registers and callers schedule. */
export const campaignMassSendTask = new CampaignMassSendTask();
