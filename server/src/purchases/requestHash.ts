import { createHash } from 'node:crypto';

/** A stable hash of a request's meaningful fields, to tell a replay from a reused idempotency key. */
export function requestHash(fields: Record<string, unknown>): string {
  const canonical = JSON.stringify(fields, Object.keys(fields).sort());
  return createHash('sha256').update(canonical).digest('hex');
}
