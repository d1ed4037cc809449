import type Redis from 'ioredis';
import type { Reply } from '../replies/Reply';

/** What claiming a push told: whether this delivery is the first, and what else the pipeline learned. */
export interface PushClaim {
  first: boolean;
  /** True at most once a minute per follower: time to record their last interaction. */
  touch: boolean;
  /** True while the follower asked for a person (联系店员) and the window is open. */
  handoff: boolean;
}

const PENDING = 'pending';
const POLL_MS = 20;

/**
 * Remembers pushes in Redis so that WeChat's re-deliveries (same MsgId, or same event
 * tuple) have their effect once and get the first delivery's reply. The first delivery
 * claims the key with SET NX; concurrent and later ones wait for its reply.
 */
export class MessageDeduper {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
    /** How long a claim without a reply lasts: past it, a crashed holder's push can be retried. */
    private readonly pendingMs: number,
  ) {}

  private key(dedupKey: string): string {
    return `${this.prefix}oa:dedup:${dedupKey}`;
  }

  /**
   * Claims the push; the follower's interaction throttle and hand-off flag are read with it.
   * Issued together, so that an auto-pipelining client sends them in one write.
   */
  async claim(dedupKey: string, openid: string): Promise<PushClaim> {
    const [claimed, touched, handoff] = await Promise.all([
      this.redis.set(this.key(dedupKey), PENDING, 'PX', this.pendingMs, 'NX'),
      this.redis.set(`${this.prefix}oa:touch:${openid}`, '1', 'EX', 60, 'NX'),
      this.redis.exists(handoffKey(this.prefix, openid)),
    ]);
    return { first: claimed === 'OK', touch: touched === 'OK', handoff: handoff === 1 };
  }

  /**
   * Waits for the first delivery's reply. `released` means its handling failed and the
   * claim was dropped (this delivery should handle the push itself); `timeout` that no
   * reply came within `timeoutMs`.
   */
  async waitForReply(dedupKey: string, timeoutMs: number): Promise<{ kind: 'reply'; reply: Reply } | { kind: 'released' | 'timeout' }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.redis.get(this.key(dedupKey));
      if (value === null) return { kind: 'released' };
      if (value !== PENDING) return { kind: 'reply', reply: JSON.parse(value) as Reply };
      if (Date.now() >= deadline) return { kind: 'timeout' };
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Records the reply the push got, for the re-deliveries to come. */
  async settle(dedupKey: string, reply: Reply): Promise<void> {
    await this.redis.set(this.key(dedupKey), JSON.stringify(reply), 'EX', this.ttlSeconds);
  }

  /** Forgets a claim whose handling failed, so that WeChat's retry can try again. */
  async release(dedupKey: string): Promise<void> {
    await this.redis.del(this.key(dedupKey));
  }
}

/** The Redis key that marks a follower's conversation as handed to a person. */
export function handoffKey(prefix: string, openid: string): string {
  return `${prefix}oa:handoff:${openid}`;
}
