import type { TaskScheduler } from './TaskScheduler';
import type { QueueRegistry } from './QueueRegistry';
import type { Task } from './Task';
import { WorkerHeartbeatTask } from '../health/WorkerHeartbeatTask';
import { PointsExpiryTask } from '../points/PointsExpiryTask';
import { TierReviewTask } from '../tiers/TierReviewTask';
import { ExpiredSessionsCleanupTask } from '../staff/ExpiredSessionsCleanupTask';
import { DynamicTagsNightlyTask } from '../tags/DynamicTagsNightlyTask';
import { MemberStatsRecomputeTask } from '../members/MemberStatsRecomputeTask';
import { JourneyTask } from '../journeys/JourneyTask';

/** A job that runs on a schedule: a cron expression (server time zone) or a fixed period. */
export interface RepeatableJob<Payload = unknown> {
  task: Task<Payload>;
  payload: Payload;
  repeat: { cron: string; tz?: string } | { every: number };
}

/**
 * Every repeatable job of ToyClub, in one place. Features add their nightly and periodic
 * work here; the worker registers this list at start.
 */
export const REPEATABLE_JOBS: ReadonlyArray<RepeatableJob> = [
  { task: new WorkerHeartbeatTask(), payload: {}, repeat: { every: 30_000 } },
  // Nightly, in the stores' time zone, outside opening hours: expiry first, then tiers.
  { task: new PointsExpiryTask(), payload: {}, repeat: { cron: '30 3 * * *', tz: 'Asia/Shanghai' } },
  { task: new TierReviewTask(), payload: {}, repeat: { cron: '0 4 * * *', tz: 'Asia/Shanghai' } },
  { task: new ExpiredSessionsCleanupTask(), payload: {}, repeat: { cron: '15 4 * * *', tz: 'Asia/Shanghai' } },
  // After the day's refunds and before the morning's campaigns: 90-day windows slide nightly.
  { task: new DynamicTagsNightlyTask(), payload: {}, repeat: { cron: '45 4 * * *', tz: 'Asia/Shanghai' } },
  // After the tier review has slid the windows: checks the figures segments are built on.
  { task: new MemberStatsRecomputeTask(), payload: {}, repeat: { cron: '15 5 * * *', tz: 'Asia/Shanghai' } },
  // After the statistics and tags are fresh (churn risk reads them); quiet hours hold the sends until morning.
  { task: new JourneyTask('birthday'), payload: {}, repeat: { cron: '45 5 * * *', tz: 'Asia/Shanghai' } },
  { task: new JourneyTask('churn'), payload: {}, repeat: { cron: '50 5 * * *', tz: 'Asia/Shanghai' } },
  { task: new JourneyTask('welcome'), payload: {}, repeat: { cron: '55 5 * * *', tz: 'Asia/Shanghai' } },
  { task: new JourneyTask('expiry'), payload: {}, repeat: { cron: '0 6 * * *', tz: 'Asia/Shanghai' } },
];

function repeatKeyOf(job: RepeatableJob): string {
  return 'cron' in job.repeat ? `cron:${job.repeat.cron}` : `every:${job.repeat.every}`;
}

/**
 * Registers `jobs` (Bull keeps one schedule per name and repeat rule, so this is safe to
 * run from every worker at every start) and removes schedules no longer listed, so that
 * a changed cron expression does not leave the old one running too.
 */
export async function registerRepeatableJobs(
  scheduler: TaskScheduler,
  queues: QueueRegistry,
  jobs: ReadonlyArray<RepeatableJob> = REPEATABLE_JOBS,
): Promise<void> {
  const wanted = new Set(jobs.map((job) => `${job.task.queueName}|${job.task.name}|${repeatKeyOf(job)}`));
  for (const queueName of new Set(jobs.map((job) => job.task.queueName))) {
    const queue = queues.get(queueName);
    for (const existing of await queue.getRepeatableJobs()) {
      const key = existing.cron ? `cron:${existing.cron}` : `every:${existing.every}`;
      if (!wanted.has(`${queueName}|${existing.name}|${key}`)) await queue.removeRepeatableByKey(existing.key);
    }
  }
  for (const job of jobs) {
    await scheduler.schedule(job.task, job.payload, { repeat: job.repeat, jobId: `repeat:${job.task.name}` });
  }
}
