import type { Task } from '../../queue/Task';
import { campaignMassSendTask } from '../CampaignMassSendTask';
import { campaignOccurrenceTask } from '../CampaignOccurrenceTask';
import { campaignPlanTask } from '../CampaignPlanTask';
import { campaignResumeTask } from '../CampaignResumeTask';
import { campaignSendTask } from '../CampaignSendTask';

/** The campaign engine's tasks, for workers started by tests (the real worker takes every task). */
export const CAMPAIGN_TASKS: ReadonlyArray<Task<unknown>> = [
  campaignPlanTask,
  campaignSendTask,
  campaignMassSendTask,
  campaignResumeTask,
  campaignOccurrenceTask,
] as ReadonlyArray<Task<unknown>>;
