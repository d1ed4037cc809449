import { CAMPAIGN_CLICK_PARAM } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import { derivedKey, hmacBase64Url, safeEqual } from '../security/secretTokens';
import type { CampaignResultsConfig } from './campaignResultsConfigSchema';
import { DAY_MS } from '../time/dayMs';

const PREFIX = 'c';
const SIGNATURE_LENGTH = 22; // 132 bits of HMAC-SHA256

/** What {@link trackedLink} and {@link verifyClickToken} need of the configuration. */
export type ClickTokenConfig = Pick<AppConfig, 'security' | 'http'> & { campaigns: Pick<CampaignResultsConfig, 'clickLinkTtlDays'> };

function sign(config: Pick<AppConfig, 'security'>, body: string): string {
  return hmacBase64Url(derivedKey(config.security.signingSecret, 'campaign-click'), body).slice(0, SIGNATURE_LENGTH);
}

function isWebUrl(target: string): boolean {
  try {
    const url = new URL(target);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

// A mini-program page path as template messages take it: `pages/x/index?a=1`.
const PAGE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*(\?[A-Za-z0-9_.~%=&-]*)?$/;

/** Signs `sendId` (and the redirect target, for web links) until the configured expiry. */
export function clickToken(config: ClickTokenConfig, input: { sendId: string; target: string | null; now?: Date }): string {
  const expiresAt = Math.floor(((input.now ?? new Date()).getTime() + config.campaigns.clickLinkTtlDays * DAY_MS) / 1000);
  const target = input.target === null ? '' : Buffer.from(input.target, 'utf8').toString('base64url');
  const body = `${PREFIX}${BigInt(input.sendId).toString(36)}.${expiresAt.toString(36)}.${target}`;
  return `${body}.${sign(config, body)}`;
}

/**
 * The link a campaign send carries instead of `target`, so that opening it records the
 * click. A web URL becomes `<publicBaseUrl>/r/<token>` (redirecting to the URL, which
 * the signature covers, so the route is no open redirect); a mini-program page path
 * gets a `ctk=<token>` parameter that the page posts to `/api/mp/campaign-clicks`.
 */
export function trackedLink(config: ClickTokenConfig, input: { sendId: string; target: string; now?: Date }): string {
  if (isWebUrl(input.target)) {
    const base = config.http.publicBaseUrl.replace(/\/+$/, '');
    return `${base}/r/${clickToken(config, { sendId: input.sendId, target: input.target, now: input.now })}`;
  }
  const path = input.target.replace(/^\/+/, '');
  if (!PAGE_PATH.test(path)) throw new Error(`not a web URL or a mini-program page path: ${input.target}`);
  const separator = path.includes('?') ? '&' : '?';
  return `${path}${separator}${CAMPAIGN_CLICK_PARAM}=${clickToken(config, { sendId: input.sendId, target: null, now: input.now })}`;
}

/** A click token whose signature checked out. */
export interface VerifiedClickToken {
  sendId: string;
  /** The web URL to redirect to; null for a mini-program page token. */
  target: string | null;
  expired: boolean;
}

const TOKEN = /^c([0-9a-z]{1,13})\.([0-9a-z]{1,8})\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{22})$/;

function base36ToDecimal(digits: string): string {
  let value = 0n;
  for (const digit of digits) value = value * 36n + BigInt(parseInt(digit, 36));
  return value.toString();
}

/** The send and target of a token, or null when it is malformed or its signature is wrong. */
export function verifyClickToken(config: Pick<AppConfig, 'security'>, token: string, now: Date): VerifiedClickToken | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [send, expiry, target, signature] = [match[1]!, match[2]!, match[3]!, match[4]!];
  if (!safeEqual(signature, sign(config, `${PREFIX}${send}.${expiry}.${target}`))) return null;
  return {
    sendId: base36ToDecimal(send),
    target: target === '' ? null : Buffer.from(target, 'base64url').toString('utf8'),
    expired: parseInt(expiry, 36) * 1000 <= now.getTime(),
  };
}

/**
 * A content variant's links as one member's send carries them: the web `url` and the
 * `miniProgramPage` each replaced by its tracked form (absent ones stay absent), for the
 * sender to pass to the gateway instead of the variant's own.
 */
export function trackedVariantLinks(
  config: ClickTokenConfig,
  input: { sendId: string; url?: string; miniProgramPage?: string; now?: Date },
): { url?: string; miniProgramPage?: string } {
  const { sendId, now } = input;
  return {
    ...(input.url ? { url: trackedLink(config, { sendId, target: input.url, now }) } : {}),
    ...(input.miniProgramPage ? { miniProgramPage: trackedLink(config, { sendId, target: input.miniProgramPage, now }) } : {}),
  };
}
