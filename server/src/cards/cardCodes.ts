import { randomBytes } from 'node:crypto';
import type { CardCodeDto } from '@toyclub/shared';
import { errors } from '../app/errors';
import type { System } from '../system/System';
import { derivedKey, hmacBase64Url, safeEqual } from '../security/secretTokens';

const PREFIX = 'm';
const SIGNATURE_LENGTH = 22; // 132 bits of HMAC-SHA256

function sign(system: System, body: string): string {
  return hmacBase64Url(derivedKey(system.config.security.signingSecret, 'card-code'), body).slice(0, SIGNATURE_LENGTH);
}

/**
 * Issues the member card's QR content: `m<member>.<expiry>.<nonce>.<signature>`, signed
 * and valid for `membership.cardCodeTtlSeconds`, so a screenshot is useless a minute
 * later, and single use (see {@link consumeCardCode}).
 */
export function issueCardCode(system: System, memberId: string, now: Date): CardCodeDto {
  const ttl = system.config.membership.cardCodeTtlSeconds;
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + ttl;
  const body = `${PREFIX}${BigInt(memberId).toString(36)}.${expiresAtSeconds.toString(36)}.${randomBytes(6).toString('base64url')}`;
  return {
    code: `${body}.${sign(system, body)}`,
    expiresAt: new Date(expiresAtSeconds * 1000).toISOString(),
    refreshInSeconds: Math.max(5, ttl - 10),
  };
}

/** A verified card code: whose card, and the nonce that makes it single use. */
export interface VerifiedCardCode {
  memberId: string;
  nonce: string;
  expiresAtSeconds: number;
}

/** Checks a card code's signature and expiry; forged codes get `card_code_invalid`, old ones `card_code_expired`. */
export function verifyCardCode(system: System, code: string, now: Date): VerifiedCardCode {
  const parts = code.trim().split('.');
  const [member, expiry, nonce, signature] = parts;
  if (parts.length !== 4 || !member?.startsWith(PREFIX) || !expiry || !nonce || !signature) {
    throw errors.badRequest('card_code_invalid', '会员码无效，请让会员刷新后重新出示');
  }
  if (!safeEqual(signature, sign(system, `${member}.${expiry}.${nonce}`))) {
    throw errors.badRequest('card_code_invalid', '会员码无效，请让会员刷新后重新出示');
  }
  const expiresAtSeconds = parseInt(expiry, 36);
  if (!(expiresAtSeconds * 1000 > now.getTime())) throw errors.gone('card_code_expired', '会员码已过期，请让会员刷新后重新出示');
  return { memberId: BigInt(parseInt(member.slice(1), 36)).toString(), nonce, expiresAtSeconds };
}

/**
 * Marks a verified code used by `useToken` (e.g. the purchase's idempotency key). A
 * second use with the same token is the same request retried and passes; any other
 * use gets `card_code_used`.
 */
export async function consumeCardCode(system: System, verified: VerifiedCardCode, useToken: string, now: Date): Promise<void> {
  const key = `${system.config.redis.keyPrefix}cardcode:used:${verified.nonce}`;
  const ttlSeconds = Math.max(1, verified.expiresAtSeconds - Math.floor(now.getTime() / 1000) + 60);
  const set = await system.redis.set(key, useToken, 'EX', ttlSeconds, 'NX');
  if (set === 'OK') return;
  const holder = await system.redis.get(key);
  if (holder !== useToken) throw errors.conflict('card_code_used', '会员码已使用，请让会员刷新后重新出示');
}
