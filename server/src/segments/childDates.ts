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

/**
 * `date` minus `months` as a yyyymmdd number. The day is kept even when that month is
 * shorter (Mar 31 − 1 month = "Feb 31"): compared as a number, it still orders right, so
 * a child born on Feb 28 is one month old on Mar 31.
 */
export function monthsBeforeNumber(date: CalendarDate, months: number): number {
  const total = date.year * 12 + (date.month - 1) - months;
  return Math.floor(total / 12) * 10000 + ((total % 12) + 1) * 100 + date.day;
}

/**
 * The month/day ranges (mmdd numbers, inclusive) covering today and the next `days` days:
 * one range, or two when the window crosses the new year.
 */
export function birthdayWindows(today: CalendarDate, days: number): Array<{ months: number[]; from: number; to: number }> {
  const start = Date.UTC(today.year, today.month - 1, today.day);
  if (days >= 365) return [{ months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], from: 101, to: 1231 }];
  const end = new Date(start + days * 86_400_000);
  const from = today.month * 100 + today.day;
  const to = (end.getUTCMonth() + 1) * 100 + end.getUTCDate();
  const monthsBetween = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, index) => a + index);
  if (end.getUTCFullYear() === today.year) return [{ months: monthsBetween(today.month, end.getUTCMonth() + 1), from, to }];
  return [
    { months: monthsBetween(today.month, 12), from, to: 1231 },
    { months: monthsBetween(1, end.getUTCMonth() + 1), from: 101, to },
  ];
}
