import { calendarDate } from '../segments/childDates';

/** WeChat's limit for a `thing` field since 2023: 20 characters, one line. */
const FIELD_MAX_CHARS = 20;

/**
 * Fills a journey's field patterns (`{childName}的生日`) with one member's values and
 * makes each fit a template field: one line, at most 20 characters, never empty (WeChat
 * rejects an empty value; a missing third toy shows as "—").
 */
export function renderJourneyFields(patterns: Record<string, string>, values: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, pattern] of Object.entries(patterns)) {
    const text = pattern
      .replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    const chars = [...text];
    fields[key] = chars.length === 0 ? '—' : chars.length > FIELD_MAX_CHARS ? `${chars.slice(0, FIELD_MAX_CHARS - 1).join('')}…` : text;
  }
  return fields;
}

/** `2026年12月8日`: a date as a template's time field shows it, in the stores' time zone. */
export function chineseDate(at: Date, timeZone: string): string {
  const date = calendarDate(at, timeZone);
  return `${date.year}年${date.month}月${date.day}日`;
}
