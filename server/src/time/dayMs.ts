/**
 * Milliseconds in a day. Day windows (last N days, expiry in N days) count in fixed
 * 24-hour steps from an instant; calendar days in a store's time zone come from localDate.
 */
export const DAY_MS = 86_400_000;
