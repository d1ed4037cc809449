/** The calendar date (YYYY-MM-DD) of `at` in `timeZone`: a check-in day runs midnight to midnight in the store. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
