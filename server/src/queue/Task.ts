import type Bull from 'bull';
import type { Logger } from '../logging/createLogger';
import type { System } from '../system/System';

/** What a task's `perform` receives besides its payload. */
export interface TaskContext {
  system: System;
  job: Bull.Job;
  log: Logger;
}

/**
 * A unit of background work. Subclasses name themselves, pick a queue, may give job
 * options and a deterministic job id (so that scheduling the same work twice keeps one
 * job), and implement `perform`. Payloads travel as JSON: keep them small and plain.
 */
export abstract class Task<Payload> {
  /** The job name stored in Redis; never rename a task that may have jobs waiting. */
  abstract readonly name: string;

  /** The queue the task's jobs go to. */
  readonly queueName: string = 'default';

  /** Job options merged over the queue's defaults (attempts, backoff, priority...). */
  get options(): Bull.JobOptions {
    return {};
  }

  /** A deterministic job id for `payload`, or undefined to let Bull number the job. */
  jobId(payload: Payload): string | undefined {
    void payload;
    return undefined;
  }

  /** Does the work. Throwing makes Bull retry with backoff, up to the attempts allowed. */
  abstract perform(payload: Payload, context: TaskContext): Promise<unknown>;
}
