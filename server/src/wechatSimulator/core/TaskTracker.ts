/**
 * Keeps the simulator's background work (delayed pushes, retries) so that `close()` can
 * cancel what has not started and wait for what has, leaving no stray timers in tests.
 */
export class TaskTracker {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /** Runs `task` after `delayMs` unless the tracker is closed first. */
  later(delayMs: number, task: () => Promise<unknown>): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) void this.track(task());
    }, delayMs);
    this.timers.add(timer);
  }

  /** Remembers an in-flight promise until it settles; errors are the task's own business. */
  track<T>(promise: Promise<T>): Promise<T> {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return promise;
  }

  /** Resolves once no timer is pending and no task is running. */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      if (this.running.size > 0) await Promise.all(this.running);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Cancels pending timers and waits for running tasks. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.running);
  }
}
