import type Bull from 'bull';
import type { AppConfig } from '../config/configSchema';
import { QueueConnections, createQueue } from './createQueue';

/** The queues of one process, created on first use and closed together. */
export class QueueRegistry {
  private readonly queues = new Map<string, Bull.Queue>();
  private readonly connections: QueueConnections;

  /** `limiters`: Bull rate limiters by queue name (e.g. the campaign sends' queue). */
  constructor(
    private readonly config: Pick<AppConfig, 'queue' | 'redis'>,
    private readonly limiters: Readonly<Record<string, Bull.RateLimiter>> = {},
  ) {
    this.connections = new QueueConnections(config.redis.url);
  }

  /** The queue called `name`, created with the shared settings the first time. */
  get(name: string): Bull.Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = createQueue(name, this.config, this.connections, this.limiters[name]);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Every queue created so far. */
  all(): Bull.Queue[] {
    return [...this.queues.values()];
  }

  /**
   * Closes every queue. Bull's `close()` waits for the jobs this process is running to
   * finish; past `timeoutMs` the queues are closed without waiting (their jobs will be
   * picked up again as stalled by another worker).
   */
  async close(timeoutMs: number): Promise<void> {
    const queues = this.all();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const closed = Promise.all(queues.map((queue) => queue.close())).then(() => 'closed' as const);
    const outcome = await Promise.race([closed, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') await Promise.all(queues.map((queue) => queue.close(true).catch(() => undefined)));
    this.queues.clear();
    await this.connections.close();
  }
}
