import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { CAMPAIGN_QUEUE } from './campaignQueues';
import { campaignPlanner } from './campaignPlanner';

/** Plans one run of a campaign for one generation (a resume bumps it and plans again). */
export interface CampaignPlanPayload {
  runId: string;
  generation: number;
}

/**
 * The planner job (see campaignPlanner). Its id is fixed per run and generation; if its
 * worker dies, Bull hands it to another worker, which continues from the saved cursor and
 * sweeps the pending sends into the queue again.
 */
export class CampaignPlanTask extends Task<CampaignPlanPayload> {
  readonly name = 'campaigns.plan';
  override readonly queueName = CAMPAIGN_QUEUE;

  override jobId(payload: CampaignPlanPayload): string {
    return `campaign-plan:${payload.runId}:g${payload.generation}`;
  }

  async perform(payload: CampaignPlanPayload, { system, job, log }: TaskContext): Promise<void> {
    // Any retry (a crash or an error) may have left committed pages without jobs.
    await campaignPlanner({ system, runId: payload.runId, generation: payload.generation, sweep: job.attemptsMade > 0 || payload.generation > 0, log });
  }
}

/** The task instance the worker registers and callers schedule. */
export const campaignPlanTask = new CampaignPlanTask();
