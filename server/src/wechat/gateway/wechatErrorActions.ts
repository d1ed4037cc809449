/**
 * What the caller should do about a WeChat failure. Every errcode the project knows maps
 * to exactly one of these, in {@link WECHAT_ERROR_ACTIONS} below and nowhere else.
 */
export type WechatErrorAction =
  /** Transient (-1 "system busy", connection refused, HTTP 5xx): retry the same request with backoff. */
  | 'retryWithBackoff'
  /** The access token is stale: invalidate it (if still current), fetch a fresh one, retry once. */
  | 'refreshTokenAndRetry'
  /** This member cannot receive messages (unfollowed, foreign openid, blocked us): mark them, skip. */
  | 'memberUnreachable'
  /** The member's subscription grant is used up: ask them to subscribe again before the next send. */
  | 'reauthorise'
  /** The daily quota for this API is spent: pause the job until tomorrow. */
  | 'pauseUntilTomorrow'
  /** A per-minute or per-member rate limit: defer and send more slowly. */
  | 'slowDown'
  /** The campaign itself is broken (template, JSON, permission, IP whitelist, credentials): stop it, alert ops. */
  | 'stopCampaign'
  /** The request's input is wrong (login code, scene, page, data): tell the caller; retrying unchanged is useless. */
  | 'rejectInput'
  /** A duplicate of a request WeChat already accepted (mass send `clientmsgid`): treat as done. */
  | 'alreadyDone'
  /** The request went out but no answer came back: it may have taken effect. Retry only idempotently. */
  | 'unknownOutcome'
  /** Unknown errcode: surface it, do not retry automatically. */
  | 'fail';

/** One row of the table: the action and what WeChat means by the code. */
export interface WechatErrorRule {
  action: WechatErrorAction;
  meaning: string;
}

/** The one table from errcode to action. Sources: /work/shared/wechat.md. */
export const WECHAT_ERROR_ACTIONS: Readonly<Record<number, WechatErrorRule>> = {
  [-1]: { action: 'retryWithBackoff', meaning: 'system busy' },

  40001: { action: 'refreshTokenAndRetry', meaning: 'access_token invalid or not latest' },
  40014: { action: 'refreshTokenAndRetry', meaning: 'invalid access_token' },
  42001: { action: 'refreshTokenAndRetry', meaning: 'access_token expired' },

  43004: { action: 'memberUnreachable', meaning: 'require subscribe (member unfollowed)' },
  40003: { action: 'memberUnreachable', meaning: 'invalid openid' },
  49003: { action: 'memberUnreachable', meaning: 'openid does not belong to this appid' },
  43104: { action: 'memberUnreachable', meaning: 'appid and openid do not match' },
  // Customer-service messages only: the member has not interacted within 48 hours.
  45015: { action: 'memberUnreachable', meaning: 'customer-service window closed (no interaction within 48 h)' },

  43101: { action: 'reauthorise', meaning: 'user refuses to accept the message (no subscription grant left)' },

  45009: { action: 'pauseUntilTomorrow', meaning: 'daily API quota reached' },
  45028: { action: 'pauseUntilTomorrow', meaning: 'no mass-send quota left' },

  45011: { action: 'slowDown', meaning: 'per-minute API quota reached' },
  43117: { action: 'slowDown', meaning: 'sending to this openid too frequently' },
  43108: { action: 'slowDown', meaning: 'concurrent sends to the same openid' },
  // Customer-service limit (about 20 messages without user interaction), not a template limit.
  45047: { action: 'slowDown', meaning: 'customer-service message limit reached' },
  45066: { action: 'slowDown', meaning: 'same clientmsgid retried too fast (wait one minute)' },

  40037: { action: 'stopCampaign', meaning: 'invalid template_id' },
  40036: { action: 'stopCampaign', meaning: 'invalid template_id size' },
  47001: { action: 'stopCampaign', meaning: 'malformed JSON/XML body' },
  48001: { action: 'stopCampaign', meaning: 'API unauthorised for this account' },
  40164: { action: 'stopCampaign', meaning: 'caller IP not in the whitelist' },
  40013: { action: 'stopCampaign', meaning: 'invalid appid' },
  40125: { action: 'stopCampaign', meaning: 'invalid appsecret' },
  40002: { action: 'stopCampaign', meaning: 'invalid grant_type' },
  40007: { action: 'stopCampaign', meaning: 'invalid media_id (draft or media gone)' },
  40008: { action: 'stopCampaign', meaning: 'invalid message type' },
  40050: { action: 'stopCampaign', meaning: 'invalid tag (group) id' },
  44002: { action: 'stopCampaign', meaning: 'empty POST body' },

  40029: { action: 'rejectInput', meaning: 'invalid code (ask the client to log in again)' },
  40163: { action: 'rejectInput', meaning: 'code already used' },
  41008: { action: 'rejectInput', meaning: 'missing code' },
  40097: { action: 'rejectInput', meaning: 'invalid arguments' },
  87014: { action: 'rejectInput', meaning: 'risky content (msg_sec_check v1)' },
  40226: { action: 'rejectInput', meaning: 'high-risk user blocked from logging in' },
  47003: { action: 'rejectInput', meaning: 'template data invalid' },
  41030: { action: 'rejectInput', meaning: 'invalid page, or mini-program not published' },
  40169: { action: 'rejectInput', meaning: 'invalid scene' },
  40129: { action: 'rejectInput', meaning: 'invalid content-security scene' },
  61010: { action: 'rejectInput', meaning: 'user not recently active in the mini-program' },
  40032: { action: 'rejectInput', meaning: 'invalid openid list size' },
  40130: { action: 'rejectInput', meaning: 'mass send needs at least two openids' },
  45067: { action: 'rejectInput', meaning: 'clientmsgid too long' },
  40016: { action: 'rejectInput', meaning: 'invalid number of menu buttons' },
  40017: { action: 'rejectInput', meaning: 'invalid menu button type' },
  40018: { action: 'rejectInput', meaning: 'invalid menu button name' },
  40019: { action: 'rejectInput', meaning: 'invalid menu button key' },
  40023: { action: 'rejectInput', meaning: 'invalid number of sub-buttons' },
  46003: { action: 'rejectInput', meaning: 'no custom menu exists' },
  45056: { action: 'rejectInput', meaning: 'too many tags' },
  45057: { action: 'rejectInput', meaning: 'tag has more than 100 000 fans: untag first' },
  45058: { action: 'rejectInput', meaning: 'system tags 0/1/2 cannot be changed' },
  45059: { action: 'rejectInput', meaning: 'member already carries 20 tags' },
  45157: { action: 'rejectInput', meaning: 'duplicate or illegal tag name' },
  45158: { action: 'rejectInput', meaning: 'tag name too long' },
  45159: { action: 'rejectInput', meaning: 'invalid tag' },

  45065: { action: 'alreadyDone', meaning: 'clientmsgid already used: the earlier mass send stands' },
};

/** The action for an errcode; codes outside the table `fail` (surface, no automatic retry). */
export function actionForErrcode(errcode: number): WechatErrorAction {
  return WECHAT_ERROR_ACTIONS[errcode]?.action ?? 'fail';
}

/** Actions after which running the very same request again may succeed without a caller's decision. */
export function isRetryableAction(action: WechatErrorAction): boolean {
  return action === 'retryWithBackoff' || action === 'refreshTokenAndRetry';
}

/**
 * The action for the `Status` of a TEMPLATESENDJOBFINISH event, or null when it was
 * delivered. WeChat writes `failed:user block` and `failed: system failed` (with a
 * space), so spaces and case are ignored.
 */
export function actionForTemplateDeliveryStatus(status: string): WechatErrorAction | null {
  const normalised = status.replace(/\s+/g, '').toLowerCase();
  if (normalised === 'success') return null;
  if (normalised === 'failed:userblock') return 'memberUnreachable';
  if (normalised === 'failed:systemfailed') return 'retryWithBackoff';
  return 'fail';
}

/**
 * The action for the `Status` of a MASSSENDJOBFINISH event (`send success`, `send fail`,
 * `err(n)`), or null when the job succeeded. `err(n)` carries an errcode from the table.
 */
export function actionForMassSendStatus(status: string): WechatErrorAction | null {
  const normalised = status.trim().toLowerCase();
  if (normalised === 'send success' || normalised === 'sendsuccess') return null;
  const code = /^err\((-?\d+)\)$/.exec(normalised);
  if (code) return actionForErrcode(Number(code[1]));
  return 'fail';
}
