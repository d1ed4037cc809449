/** China Standard Time: WeChat's days and months (quotas, the 4-per-month rule) turn over in UTC+8. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/**
 * The simulator's clock: a base time source plus an offset that tests move forward
 * (`advance`) to make tokens expire or quotas roll over without waiting.
 */
export class SimClock {
  private offsetMs = 0;

  constructor(private readonly base: () => number = Date.now) {}

  /** Current time in epoch milliseconds. */
  now(): number {
    return this.base() + this.offsetMs;
  }

  /** Current time in epoch seconds, as WeChat puts in CreateTime and timestamps. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Moves the clock forward (never backward: WeChat time does not rewind). */
  advance(ms: number): void {
    if (ms > 0) this.offsetMs += ms;
  }

  /** The China calendar day, e.g. "2026-11-22": daily quotas reset at its midnight. */
  dayKey(at = this.now()): string {
    return new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  }

  /** The China calendar month, e.g. "2026-11": the mass-send 4-per-month window. */
  monthKey(at = this.now()): string {
    return new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 7);
  }

  /** The wall-clock minute number: per-minute quotas count calls within it. */
  minuteKey(at = this.now()): number {
    return Math.floor(at / 60_000);
  }
}
