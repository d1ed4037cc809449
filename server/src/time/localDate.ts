const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date (YYYY-MM-DD) of `at` in `timeZone`: a store's day (check-ins, owner figures,
 * journeys) runs midnight to midnight in its time zone. One formatter per time zone:
 * building an Intl.DateTimeFormat per call cost a tenth of the callback's CPU under load.
 */
export function localDate(at: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}
