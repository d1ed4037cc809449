import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { CAMPAIGN_QUEUE } from './campaignQueues';
import { campaignRunStarter } from './campaignStateChanges';

/** A recurring campaign's cron tick. */
export interface CampaignOccurrencePayload {
  campaignId: string;
}

/**
 * One occurrence of a recurring campaign (a Bull repeatable job per campaign, cron in the
 * stores' time zone): starts a run keyed by the tick's time, so a retried tick plans once.
 */
export class CampaignOccurrenceTask extends Task<CampaignOccurrencePayload> {
  readonly name = 'campaigns.occurrence';
  override readonly queueName = CAMPAIGN_QUEUE;

  async perform(payload: CampaignOccurrencePayload, { system, job, log }: TaskContext): Promise<void> {
    // Repeatable job ids end with the tick's epoch ms: the same for every retry of the tick.
    const tick = /:(\d+)$/.exec(String(job.id))?.[1] ?? String(job.timestamp);
    const started = await campaignRunStarter({ system, campaignId: payload.campaignId, occurrenceKey: `t${tick}` });
    log.info({ campaignId: payload.campaignId, tick, started }, 'recurring campaign occurrence');
  }
}

/** The task instance the worker registers and callers schedule. */
export const campaignOccurrenceTask = new CampaignOccurrenceTask();
