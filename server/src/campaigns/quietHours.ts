import type { QuietHours } from '@toyclub/shared';

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Minutes since local midnight and the local date parts of `at` in `timeZone`. */
function localClock(at: Date, timeZone: string): { minutes: number; seconds: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: part('hour') * 60 + part('minute'), seconds: part('second') };
}

/**
 * When a send planned at `at` may go out: `at` itself outside quiet hours, else the end of
 * the quiet period (quiet hours may span midnight, e.g. 21:00–08:00). A quiet-hours send is
 * delayed, never dropped.
 */
export function sendableAt(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet) return at;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const { minutes, seconds } = localClock(at, timeZone);
  const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!inside) return at;
  const wait = (end - minutes + 24 * 60) % (24 * 60);
  const ms = wait * 60_000 - seconds * 1000 - at.getUTCMilliseconds();
  return new Date(at.getTime() + ms);
}

/** The next local midnight in `timeZone` after `at` (45009: WeChat's daily quota resets then). */
export function nextLocalMidnight(at: Date, timeZone: string): Date {
  const { minutes, seconds } = localClock(at, timeZone);
  const ms = (24 * 60 - minutes) * 60_000 - seconds * 1000 - at.getUTCMilliseconds();
  return new Date(at.getTime() + ms);
}
