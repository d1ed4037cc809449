import { randomBytes } from 'node:crypto';

/**
 * A request id like WeChat's "rid: 6426b8b8-2b2b6e1b-6a8c3d6e": the first group is the
 * time in seconds, in hex, the other two random.
 */
export function rid(nowSeconds: number): string {
  const time = (nowSeconds >>> 0).toString(16).padStart(8, '0');
  return `${time}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}
