import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { CAMPAIGN_QUEUE } from './campaignQueues';
import { campaignResumer } from './campaignStateChanges';

/** Resumes a campaign paused by WeChat's daily quota, at `pausedUntil` (epoch ms). */
export interface CampaignResumePayload {
  campaignId: string;
  pausedUntil: number;
}

/**
 * The delayed resume after 45009. It only resumes a campaign still paused until that very
 * moment: one paused by hand meanwhile stays paused.
 */
export class CampaignResumeTask extends Task<CampaignResumePayload> {
  readonly name = 'campaigns.resume';
  override readonly queueName = CAMPAIGN_QUEUE;

  override jobId(payload: CampaignResumePayload): string {
    return `campaign-resume:${payload.campaignId}:${payload.pausedUntil}`;
  }

  async perform(payload: CampaignResumePayload, { system, log }: TaskContext): Promise<void> {
    const resumed = await campaignResumer({ system, campaignId: payload.campaignId, ifPausedUntil: new Date(payload.pausedUntil) });
    log.info({ campaignId: payload.campaignId, resumed }, 'quota pause over');
  }
}

/** The task instance the worker registers and callers schedule. */
export const campaignResumeTask = new CampaignResumeTask();
