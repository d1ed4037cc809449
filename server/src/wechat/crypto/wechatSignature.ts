import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's push signature: sha1 of the parts sorted lexicographically and joined.
 * With `encrypt` it is the safe-mode `msg_signature` (token, timestamp, nonce, Encrypt);
 * without it the plain `signature` (token, timestamp, nonce).
 */
export function wechatSignature(token: string, timestamp: string, nonce: string, encrypt?: string): string {
  const parts = encrypt === undefined ? [token, timestamp, nonce] : [token, timestamp, nonce, encrypt];
  // WeChat sorts by code unit (what Array#sort does for strings), not by locale.
  return createHash('sha1').update(parts.sort().join('')).digest('hex');
}

/** Compares a received signature with the expected one in constant time. */
export function isValidWechatSignature(
  received: string | undefined,
  token: string,
  timestamp: string,
  nonce: string,
  encrypt?: string,
): boolean {
  if (!received) return false;
  const expected = Buffer.from(wechatSignature(token, timestamp, nonce, encrypt));
  const actual = Buffer.from(received.toLowerCase());
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
