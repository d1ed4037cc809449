/** What a {@link ProgressHub} needs: how to load a snapshot, how often, and where to report failures. */
export interface ProgressHubOptions<T> {
  pollMs: number;
  load: (key: string) => Promise<T>;
  onError: (error: unknown, key: string) => void;
}

interface Poll<T> {
  listeners: Set<(snapshot: T) => void>;
  timer: NodeJS.Timeout | null;
  last: string | null;
  snapshot: T | null;
}

/**
 * One poll per key (campaign) for the whole process, however many consoles watch it, so
 * that a hundred open progress bars cost the database one cheap query a second, not a
 * hundred. Listeners hear a snapshot only when it differs from the previous one; the
 * poll stops as soon as the last listener leaves.
 */
export class ProgressHub<T> {
  private readonly polls = new Map<string, Poll<T>>();

  constructor(private readonly options: ProgressHubOptions<T>) {}

  /** Starts hearing `key`'s snapshots (the current one at once, when known); returns the unsubscribe. */
  subscribe(key: string, listener: (snapshot: T) => void): () => void {
    let poll = this.polls.get(key);
    if (!poll) {
      poll = { listeners: new Set(), timer: null, last: null, snapshot: null };
      this.polls.set(key, poll);
      void this.tick(key, poll);
    } else if (poll.snapshot !== null) {
      const known = poll.snapshot;
      queueMicrotask(() => listener(known));
    }
    poll.listeners.add(listener);
    return () => {
      poll.listeners.delete(listener);
      if (poll.listeners.size > 0 || this.polls.get(key) !== poll) return;
      if (poll.timer) clearTimeout(poll.timer);
      this.polls.delete(key);
    };
  }

  /** How many keys are being polled (for tests of the clean-up). */
  get activeKeys(): number {
    return this.polls.size;
  }

  private async tick(key: string, poll: Poll<T>): Promise<void> {
    poll.timer = null;
    try {
      const snapshot = await this.options.load(key);
      const fingerprint = JSON.stringify(snapshot);
      if (fingerprint !== poll.last) {
        poll.last = fingerprint;
        poll.snapshot = snapshot;
        for (const listener of [...poll.listeners]) listener(snapshot);
      }
    } catch (error) {
      this.options.onError(error, key);
    }
    // A poll whose last listener left while it was loading is over.
    if (this.polls.get(key) === poll && poll.listeners.size > 0) {
      poll.timer = setTimeout(() => void this.tick(key, poll), this.options.pollMs);
    } else if (this.polls.get(key) === poll) {
      this.polls.delete(key);
    }
  }
}
