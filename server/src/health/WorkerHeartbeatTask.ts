import os from 'node:os';
import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';

/** The Redis key (after the configured prefix) that holds the last worker heartbeat. */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';

/**
 * Records, every 30 seconds, that a worker is alive and processing jobs, so that the
 * health check can tell the operator when no worker has run for a while.
 */
export class WorkerHeartbeatTask extends Task<Record<string, never>> {
  readonly name = 'worker-heartbeat';

  override get options() {
    return { attempts: 1, removeOnComplete: 10, removeOnFail: 10 };
  }

  async perform(_payload: Record<string, never>, { system }: TaskContext): Promise<void> {
    const beat = JSON.stringify({ at: new Date().toISOString(), host: os.hostname(), pid: process.pid });
    await system.redis.set(`${system.config.redis.keyPrefix}${WORKER_HEARTBEAT_KEY}`, beat, 'EX', 300);
  }
}
