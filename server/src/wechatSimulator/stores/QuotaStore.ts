import type { SimClock } from '../core/SimClock';
import { WechatFailure } from '../core/WechatFailure';

/** A path's limits: calls per China day and per minute (either may be absent). */
export interface QuotaLimit {
  daily?: number;
  perMinute?: number;
}

/** What quota/get reports for one path. */
export interface QuotaUsage {
  dailyLimit: number;
  used: number;
  remain: number;
  perMinute?: number;
}

interface Counter {
  day: string;
  dayCount: number;
  minute: number;
  minuteCount: number;
}

/** Documented limits (wechat.md); paths not listed get `FALLBACK_LIMIT`. */
export const DEFAULT_QUOTAS: Record<string, QuotaLimit> = {
  '/cgi-bin/token': { daily: 2000 },
  '/cgi-bin/stable_token': { daily: 500_000, perMinute: 10_000 },
  '/cgi-bin/message/template/send': { daily: 100_000 },
  '/cgi-bin/message/mass/sendall': { daily: 100, perMinute: 60 },
  '/cgi-bin/message/mass/send': { daily: 100, perMinute: 60 },
  '/cgi-bin/user/get': { daily: 500 },
  '/cgi-bin/qrcode/create': { daily: 100_000 },
  '/wxa/getwxacodeunlimit': { perMinute: 5000 },
  '/wxa/msg_sec_check': { daily: 2_000_000, perMinute: 4000 },
  '/wxa/media_check_async': { daily: 200_000, perMinute: 2000 },
};

/** Limit for paths WeChat documents no number for (unconfirmed). */
export const FALLBACK_LIMIT: QuotaLimit = { daily: 1_000_000 };

/** Counts calls per appid and path; refuses with 45009 (day) or 45011 (minute). */
export class QuotaStore {
  private readonly counters = new Map<string, Counter>();
  private readonly limits: Map<string, QuotaLimit>;
  private readonly clears = new Map<string, { month: string; count: number }>();

  constructor(
    private readonly clock: SimClock,
    overrides: Record<string, QuotaLimit> = {},
  ) {
    this.limits = new Map(Object.entries({ ...DEFAULT_QUOTAS, ...overrides }));
  }

  /** The limits of a path. */
  limitOf(path: string): QuotaLimit {
    return this.limits.get(path) ?? FALLBACK_LIMIT;
  }

  /** Replaces a path's limits (tests use tiny ones). */
  setLimit(path: string, limit: QuotaLimit): void {
    this.limits.set(path, limit);
  }

  /** Counts one call, or throws 45009/45011 without counting it. */
  consume(appId: string, path: string): void {
    const counter = this.counter(appId, path);
    const limit = this.limitOf(path);
    if (limit.daily !== undefined && counter.dayCount >= limit.daily) throw new WechatFailure(45009);
    if (limit.perMinute !== undefined && counter.minuteCount >= limit.perMinute) throw new WechatFailure(45011);
    counter.dayCount += 1;
    counter.minuteCount += 1;
  }

  /** Today's usage of a path. */
  usage(appId: string, path: string): QuotaUsage {
    const limit = this.limitOf(path);
    const used = this.counter(appId, path).dayCount;
    const dailyLimit = limit.daily ?? Number.MAX_SAFE_INTEGER;
    return { dailyLimit, used, remain: Math.max(0, dailyLimit - used), perMinute: limit.perMinute };
  }

  /** Zeroes every counter of an app (clear_quota). */
  clear(appId: string): void {
    for (const key of this.counters.keys()) if (key.startsWith(`${appId} `)) this.counters.delete(key);
  }

  /** clear_quota: zeroes the app's counters, or 48006 once `perMonth` clears were used this month. */
  clearLimited(appId: string, perMonth: number): void {
    const month = this.clock.monthKey();
    const used = this.clears.get(appId);
    const count = used && used.month === month ? used.count : 0;
    if (count >= perMonth) throw new WechatFailure(48006);
    this.clears.set(appId, { month, count: count + 1 });
    this.clear(appId);
  }

  /** Zeroes everything. */
  reset(): void {
    this.counters.clear();
    this.clears.clear();
  }

  private counter(appId: string, path: string): Counter {
    const key = `${appId} ${path}`;
    const day = this.clock.dayKey();
    const minute = this.clock.minuteKey();
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { day, dayCount: 0, minute, minuteCount: 0 };
      this.counters.set(key, counter);
    }
    if (counter.day !== day) Object.assign(counter, { day, dayCount: 0 });
    if (counter.minute !== minute) Object.assign(counter, { minute, minuteCount: 0 });
    return counter;
  }
}
