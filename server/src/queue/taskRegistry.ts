import type { Task } from './Task';
import { REPEATABLE_JOBS } from './repeatableJobs';
import { sendCustomMessageTask } from '../officialAccount/jobs/SendCustomMessageTask';
import { syncFollowerTask } from '../officialAccount/jobs/SyncFollowerTask';
import { ownerFiguresTask } from '../officialAccount/jobs/OwnerFiguresTask';
import { retagMemberTask } from '../tags/RetagMemberTask';
import { tagMirrorTask } from '../tags/TagMirrorTask';
import { campaignPlanTask } from '../campaigns/CampaignPlanTask';
import { campaignSendTask } from '../campaigns/CampaignSendTask';
import { campaignMassSendTask } from '../campaigns/CampaignMassSendTask';
import { campaignResumeTask } from '../campaigns/CampaignResumeTask';
import { campaignOccurrenceTask } from '../campaigns/CampaignOccurrenceTask';

/**
 * Every task the worker process runs. Features append their tasks here; repeatable
 * jobs' tasks are included automatically.
 */
export const TASKS: ReadonlyArray<Task<unknown>> = [
  ...REPEATABLE_JOBS.map((job) => job.task),
  sendCustomMessageTask,
  syncFollowerTask,
  ownerFiguresTask,
  retagMemberTask,
  tagMirrorTask,
  campaignPlanTask,
  campaignSendTask,
  campaignMassSendTask,
  campaignResumeTask,
  campaignOccurrenceTask,
];
