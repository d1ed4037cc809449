import type Bull from 'bull';
import type { QueueRegistry } from './QueueRegistry';
import type { Task } from './Task';

/** Puts task jobs on their queues with the task's options and deterministic ids. */
export class TaskScheduler {
  constructor(private readonly queues: QueueRegistry) {}

  /** Enqueues one job; with a deterministic id, a second call for the same work is a no-op. */
  async schedule<Payload>(task: Task<Payload>, payload: Payload, options: Bull.JobOptions = {}): Promise<Bull.Job> {
    return this.queues.get(task.queueName).add(task.name, payload, this.optionsFor(task, payload, options));
  }

  /** Enqueues many jobs of one task in a single round trip. */
  async scheduleBulk<Payload>(task: Task<Payload>, payloads: Payload[], options: Bull.JobOptions = {}): Promise<Bull.Job[]> {
    if (payloads.length === 0) return [];
    return this.queues.get(task.queueName).addBulk(
      payloads.map((payload) => ({ name: task.name, data: payload, opts: this.optionsFor(task, payload, options) })),
    );
  }

  private optionsFor<Payload>(task: Task<Payload>, payload: Payload, options: Bull.JobOptions): Bull.JobOptions {
    const jobId = task.jobId(payload);
    return { ...task.options, ...options, ...(jobId ? { jobId } : {}) };
  }
}
