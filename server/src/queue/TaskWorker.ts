import type Bull from 'bull';
import type { System } from '../system/System';
import type { Task } from './Task';

/** Options for {@link TaskWorker.start}. */
export interface TaskWorkerOptions {
  system: System;
  tasks: ReadonlyArray<Task<unknown>>;
  /** Jobs run at once per queue. */
  concurrency?: number;
  /** Overrides of `concurrency` for some queues (e.g. campaign sends, limited by rate instead). */
  concurrencyByQueue?: Readonly<Record<string, number>>;
}

/**
 * Runs the jobs of the given tasks: one processor per queue that dispatches by job name.
 * A job whose name no task claims fails at once instead of being retried.
 */
export class TaskWorker {
  private constructor(private readonly queues: Bull.Queue[]) {}

  /** Starts processing every queue that one of `tasks` uses. */
  static start({ system, tasks, concurrency = 4, concurrencyByQueue = {} }: TaskWorkerOptions): TaskWorker {
    const byQueue = new Map<string, Map<string, Task<unknown>>>();
    for (const task of tasks) {
      const byName = byQueue.get(task.queueName) ?? new Map<string, Task<unknown>>();
      if (byName.has(task.name)) throw new Error(`Two tasks are named "${task.name}"`);
      byName.set(task.name, task);
      byQueue.set(task.queueName, byName);
    }
    const queues: Bull.Queue[] = [];
    for (const [queueName, byName] of byQueue) {
      const queue = system.queues.get(queueName);
      queues.push(queue);
      void queue.process('*', concurrencyByQueue[queueName] ?? concurrency, async (job: Bull.Job) => {
        const task = byName.get(job.name);
        if (!task) {
          await job.discard();
          throw new Error(`No task is named "${job.name}" on queue "${queueName}"`);
        }
        const log = system.logger.child({ task: task.name, jobId: job.id, attempt: job.attemptsMade + 1 });
        return task.perform(job.data, { system, job, log });
      });
      queue.on('failed', (job, error) => {
        system.logger.warn({ queue: queueName, task: job.name, jobId: job.id, err: error }, 'job failed');
      });
    }
    return new TaskWorker(queues);
  }

  /** The queues this worker processes. */
  get processedQueues(): Bull.Queue[] {
    return this.queues;
  }
}
