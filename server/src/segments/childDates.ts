import { DAY_MS } from '../time/dayMs';

/** A calendar date as y/m/d (month 1-12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Today's calendar date in `timeZone`: children's ages and birthdays count in the stores' days. */
export function calendarDate(at: Date, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const part = (type: string): number => Number(parts.find((item) => item.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isLeapYear(year: number): boolean {
  return daysInMonth(year, 2) === 29;
}

/**
 * `date` minus `months` as a 'YYYY-MM-DD' string, for comparing with `children.birth_date`.
 * The day is clamped to that month's last day (Mar 31 − 1 month = Feb 28): a real birth
 * date is on or before "Feb 31" exactly when it is on or before Feb 28, so a child born on
 * Feb 28 is one month old on Mar 31.
 */
export function monthsBeforeDate(date: CalendarDate, months: number): string {
  const total = date.year * 12 + (date.month - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(date.day, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The month/day ranges (mmdd numbers, inclusive, as `children.birthday_mmdd`) covering
 * today and the next `days` days: one range, or two when the window crosses the new year.
 * In a year without 29 February, a child born on it has their birthday on 28 February, so
 * a range of such a year that ends on 0228 also takes 0229 (one that starts on 0301 does
 * not: that birthday has passed).
 */
export function birthdayWindows(today: CalendarDate, days: number): Array<{ from: number; to: number }> {
  const start = Date.UTC(today.year, today.month - 1, today.day);
  if (days >= 365) return [{ from: 101, to: 1231 }];
  const end = new Date(start + days * DAY_MS);
  const from = today.month * 100 + today.day;
  const to = (end.getUTCMonth() + 1) * 100 + end.getUTCDate();
  const endingIn = (year: number, mmdd: number): number => (mmdd === 228 && !isLeapYear(year) ? 229 : mmdd);
  if (end.getUTCFullYear() === today.year) return [{ from, to: endingIn(today.year, to) }];
  return [
    { from, to: 1231 },
    { from: 101, to: endingIn(end.getUTCFullYear(), to) },
  ];
}
