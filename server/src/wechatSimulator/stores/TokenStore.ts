import { randomBytes } from 'node:crypto';
import type { SimClock } from '../core/SimClock';
import { WechatFailure } from '../core/WechatFailure';

/** `/cgi-bin/token` and `/cgi-bin/stable_token` keep separate tokens (WeChat isolates them). */
export type TokenSlot = 'token' | 'stable';

/** One issued access_token. */
export interface IssuedToken {
  value: string;
  appId: string;
  slot: TokenSlot;
  issuedAt: number;
  expiresAt: number;
  /** When a newer token replaced it; it keeps working for the overlap after that. */
  supersededAt?: number;
  /** Invalid at once (a token older than the previous one, or a stable force refresh). */
  revoked: boolean;
}

/** Token lifetimes, in seconds. */
export interface TokenTimings {
  lifetimeSeconds: number;
  overlapSeconds: number;
}

/**
 * Issues and checks access tokens. Each (appid, slot) has one current token; fetching a new
 * one supersedes it, and the superseded token keeps working for the overlap (5 minutes).
 */
export class TokenStore {
  private readonly byValue = new Map<string, IssuedToken>();
  private readonly current = new Map<string, IssuedToken>();
  private readonly forceLogs = new Map<string, { day: string; times: number[] }>();
  private sequence = 90;

  constructor(
    private readonly clock: SimClock,
    private readonly timings: () => TokenTimings,
  ) {}

  /** The current token of a slot, if any (expired or not). */
  currentToken(appId: string, slot: TokenSlot): IssuedToken | undefined {
    return this.current.get(`${appId}:${slot}`);
  }

  /** Issues a new token, superseding the current one and revoking anything older. */
  issue(appId: string, slot: TokenSlot, revokePrevious = false): IssuedToken {
    const now = this.clock.now();
    for (const token of this.byValue.values()) {
      // Only the latest previous token overlaps with the new one.
      if (token.appId === appId && token.slot === slot && token.supersededAt !== undefined) this.byValue.delete(token.value);
    }
    const previous = this.currentToken(appId, slot);
    if (previous) {
      previous.supersededAt = now;
      previous.revoked = revokePrevious;
    }
    this.sequence += 1;
    const token: IssuedToken = {
      value: `${this.sequence}_${randomBytes(96).toString('base64url')}`,
      appId,
      slot,
      issuedAt: now,
      expiresAt: now + this.timings().lifetimeSeconds * 1000,
      revoked: false,
    };
    this.byValue.set(token.value, token);
    this.current.set(`${appId}:${slot}`, token);
    return token;
  }

  /** Seconds left on a token, never negative. */
  secondsLeft(token: IssuedToken): number {
    return Math.max(0, Math.floor((token.expiresAt - this.clock.now()) / 1000));
  }

  /** Whether a token is usable right now. */
  isUsable(token: IssuedToken): boolean {
    try {
      this.check(token.value);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The token a request carries, or the WeChat error for it: 41001 missing, 40014
   * malformed, 40001 unknown / replaced / revoked, 42001 expired.
   */
  check(value: string | null | undefined): IssuedToken {
    if (!value) throw new WechatFailure(41001);
    const token = this.byValue.get(value);
    if (!token) throw new WechatFailure(/^[\w-]{20,}$/.test(value) ? 40001 : 40014);
    const now = this.clock.now();
    if (token.revoked) throw new WechatFailure(40001);
    if (token.supersededAt !== undefined && now >= token.supersededAt + this.timings().overlapSeconds * 1000) {
      throw new WechatFailure(40001);
    }
    if (now >= token.expiresAt) throw new WechatFailure(42001);
    return token;
  }

  /** Makes every token of the app (and slot) expire now, so the next call gets 42001. */
  expire(appId?: string, slot?: TokenSlot): number {
    return this.update(appId, slot, (token) => {
      token.expiresAt = Math.min(token.expiresAt, this.clock.now());
    });
  }

  /** Revokes every token of the app (and slot), so the next call gets 40001. */
  invalidate(appId?: string, slot?: TokenSlot): number {
    return this.update(appId, slot, (token) => {
      token.revoked = true;
    });
  }

  /** Today's (China day) stable_token force refreshes of an app, in ms, oldest first; push to add. */
  forceRefreshes(appId: string): number[] {
    const day = this.clock.dayKey();
    let log = this.forceLogs.get(appId);
    if (!log || log.day !== day) {
      log = { day, times: [] };
      this.forceLogs.set(appId, log);
    }
    return log.times;
  }

  /** Forgets every token. */
  reset(): void {
    this.byValue.clear();
    this.current.clear();
    this.forceLogs.clear();
  }

  private update(appId: string | undefined, slot: TokenSlot | undefined, change: (token: IssuedToken) => void): number {
    let count = 0;
    for (const token of this.byValue.values()) {
      if ((appId === undefined || token.appId === appId) && (slot === undefined || token.slot === slot)) {
        change(token);
        count += 1;
      }
    }
    return count;
  }
}
