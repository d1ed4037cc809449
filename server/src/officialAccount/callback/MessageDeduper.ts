import type Redis from 'ioredis';
import type { Reply } from '../replies/Reply';

/**
 * A Redis connection with the claim defined as a server-side script ({@link withClaimScript}):
 * one command and one reply for the client and Redis to handle per push instead of three.
 */
export type DedupRedis = Redis & {
  oaClaim(dedupKey: string, touchKey: string, handoffKey: string, pendingMs: number, pendingValue: string): Promise<[number, number, number]>;
};

/** Claims the push (SET NX), the follower's once-a-minute touch (SET NX) and reads the hand-off flag. */
const CLAIM_SCRIPT = `
local first = redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[1], 'NX')
local touch = redis.call('SET', KEYS[2], '1', 'EX', 60, 'NX')
return { first and 1 or 0, touch and 1 or 0, redis.call('EXISTS', KEYS[3]) }`;

/** Defines the claim script on `redis` (sent once, then called by its SHA1 with EVALSHA). */
export function withClaimScript(redis: Redis): DedupRedis {
  redis.defineCommand('oaClaim', { numberOfKeys: 3, lua: CLAIM_SCRIPT });
  return redis as DedupRedis;
}

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
    private readonly redis: DedupRedis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
    /** How long a claim without a reply lasts: past it, a crashed holder's push can be retried. */
    private readonly pendingMs: number,
  ) {}

  private key(dedupKey: string): string {
    return `${this.prefix}oa:dedup:${dedupKey}`;
  }

  /** Claims the push; the follower's interaction throttle and hand-off flag are read with it, in one script. */
  async claim(dedupKey: string, openid: string): Promise<PushClaim> {
    const [claimed, touched, handoff] = await this.redis.oaClaim(
      this.key(dedupKey),
      `${this.prefix}oa:touch:${openid}`,
      handoffKey(this.prefix, openid),
      this.pendingMs,
      PENDING,
    );
    return { first: claimed === 1, touch: touched === 1, handoff: handoff === 1 };
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
