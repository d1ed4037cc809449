import type { AppConfig } from '../config/configSchema';
import { derivedKey, hmacBase64Url, safeEqual } from '../security/secretTokens';

const PREFIX = 'k';
const SIGNATURE_LENGTH = 16; // 96 bits: the scene must fit WeChat's 32 characters

/** The mini-program page that handles every scanned scene. */
export const SCAN_PAGE = 'pages/scan/index';

function signature(config: AppConfig, body: string): string {
  return hmacBase64Url(derivedKey(config.security.signingSecret, 'store-scene'), body).slice(0, SIGNATURE_LENGTH);
}

/**
 * The signed `scene` of a store's check-in code: `k<store id, base36>.<signature>`, at
 * most 31 characters, so that it fits `getwxacodeunlimit`'s 32 and cannot be forged.
 */
export function storeCheckInScene(config: AppConfig, storeId: string): string {
  const body = `${PREFIX}${BigInt(storeId).toString(36)}`;
  return `${body}.${signature(config, body)}`;
}

/** The store id in a check-in scene, or null when the scene is not one or its signature is wrong. */
export function verifyStoreScene(config: AppConfig, scene: string): string | null {
  const match = /^k([0-9a-z]{1,13})\.([A-Za-z0-9_-]{16})$/.exec(scene);
  if (!match) return null;
  if (!safeEqual(match[2]!, signature(config, `${PREFIX}${match[1]}`))) return null;
  return BigInt(parseInt(match[1]!, 36)).toString();
}
