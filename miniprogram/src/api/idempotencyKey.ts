/**
 * A fresh idempotency key (`mp-<time>-<random>`, within the server's 8-64 characters of
 * [A-Za-z0-9._:-]). Made once per action and resent unchanged on a retry, so an answer lost
 * on a bad network never makes the server count the action twice.
 */
export function newIdempotencyKey(): string {
  return `mp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
