import JSONBig from 'json-bigint';

/**
 * json-bigint set to return numbers longer than 15 digits as their exact decimal string.
 * WeChat's `msgid`, `msg_id` and `msg_data_id` exceed 2^53, and `JSON.parse` would
 * silently round them (co-wechat-api#89); wechat-api 1.35.1 still has that bug.
 */
const bigJson = JSONBig({ storeAsString: true });

/** A decoded WeChat JSON object. */
export type WechatJson = Record<string, unknown>;

/** Parses a WeChat JSON body, keeping long integers exact (as strings). Throws on non-objects. */
export function parseWechatJson(body: Buffer | string): WechatJson {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const value: unknown = bigJson.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SyntaxError('WeChat answered with JSON that is not an object');
  }
  return value as WechatJson;
}

/**
 * A 64-bit id as an exact decimal string, whichever way the parser delivered it: short ids
 * come back as numbers, long ones as strings. Returns null when absent.
 */
export function idString(value: unknown): string | null {
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return null;
}

/** Like {@link idString}, but the id must be there. */
export function requireIdString(value: unknown, field: string): string {
  const id = idString(value);
  if (id === null) throw new SyntaxError(`WeChat answer lacks a valid ${field}`);
  return id;
}

/** WeChat's errcode (a missing errcode means success, as code2Session documents). */
export function errcodeOf(json: WechatJson): number {
  const code = json.errcode;
  if (code === undefined || code === null) return 0;
  const numeric = typeof code === 'number' ? code : Number(code);
  if (!Number.isSafeInteger(numeric)) throw new SyntaxError(`WeChat answered with a malformed errcode: ${String(code)}`);
  return numeric;
}

/** WeChat's errmsg, or an empty string. */
export function errmsgOf(json: WechatJson): string {
  return typeof json.errmsg === 'string' ? json.errmsg : '';
}
