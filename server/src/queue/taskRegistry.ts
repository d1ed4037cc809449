import type { Task } from './Task';
import { REPEATABLE_JOBS } from './repeatableJobs';

/**
 * Every task the worker process runs. Features append their tasks here; repeatable
 * jobs' tasks are included automatically.
 */
export const TASKS: ReadonlyArray<Task<unknown>> = [...REPEATABLE_JOBS.map((job) => job.task)];
