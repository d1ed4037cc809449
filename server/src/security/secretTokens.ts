import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A new opaque bearer token: 32 random bytes, base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The SHA-256 hex digest under which a token is stored, so a database leak yields no usable token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const HUMAN_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A short code a person can read aloud or type: no 0/O or 1/I confusion. */
export function humanCode(length: number): string {
  let code = '';
  for (let index = 0; index < length; index += 1) code += HUMAN_ALPHABET[randomInt(HUMAN_ALPHABET.length)];
  return code;
}

/** HMAC-SHA256 of `message` under `key`, base64url. */
export function hmacBase64Url(key: string | Buffer, message: string): string {
  return createHmac('sha256', key).update(message).digest('base64url');
}

/** Compares two strings in constant time (for signatures and secrets). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A key for one purpose derived from the deployment's signing secret, so that a card
 * code signature can never be replayed as a store scene signature and vice versa.
 */
export function derivedKey(signingSecret: string, purpose: string): Buffer {
  return createHmac('sha256', signingSecret).update(`toyclub:${purpose}`).digest();
}
