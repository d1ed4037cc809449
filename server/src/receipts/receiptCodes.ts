import type { EntityManager } from 'typeorm';
import type { ReceiptCodeDto } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import { derivedKey, hmacBase64Url, tokenHash } from '../security/secretTokens';
import { ReceiptCode } from './ReceiptCode';

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;

/** The scene prefix of a receipt code in a mini-program QR. */
export const RECEIPT_SCENE_PREFIX = 'r';

/**
 * The claim code of a purchase: derived from the purchase id under a secret key, so the
 * same code can be shown again when the POS retries, while only its hash is stored.
 * Ten characters of a 32-letter alphabet (50 bits) cannot be guessed within the TTL.
 */
export function receiptCodeFor(config: AppConfig, purchaseId: string): string {
  const digest = Buffer.from(hmacBase64Url(derivedKey(config.security.signingSecret, 'receipt-code'), purchaseId), 'base64url');
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index += 1) code += CODE_ALPHABET[digest[index]! % CODE_ALPHABET.length];
  return code;
}

/** Normalises what a person typed or a scanner read: upper case, no spaces or scene prefix. */
export function normaliseReceiptCode(input: string): string {
  const trimmed = input.trim().replace(/\s+/g, '');
  const withoutPrefix = trimmed.startsWith(RECEIPT_SCENE_PREFIX) ? trimmed.slice(1) : trimmed;
  return withoutPrefix.toUpperCase();
}

/** The DTO for a purchase's claim code. */
export function presentReceiptCode(code: string, expiresAt: Date): ReceiptCodeDto {
  return { code, scene: `${RECEIPT_SCENE_PREFIX}${code}`, expiresAt: expiresAt.toISOString() };
}

/** Creates the one-time claim code of a purchase made for nobody, inside the purchase's transaction. */
export async function createReceiptCode(options: {
  manager: EntityManager;
  config: AppConfig;
  purchaseId: string;
  now: Date;
}): Promise<ReceiptCodeDto> {
  const { manager, config, purchaseId, now } = options;
  const code = receiptCodeFor(config, purchaseId);
  const expiresAt = new Date(now.getTime() + config.membership.receiptCodeTtlHours * 3_600_000);
  await manager.getRepository(ReceiptCode).insert({ purchaseId, codeHash: tokenHash(code), expiresAt, createdAt: now });
  return presentReceiptCode(code, expiresAt);
}
