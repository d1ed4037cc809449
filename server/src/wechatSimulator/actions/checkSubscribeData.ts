import { WechatFailure } from '../core/WechatFailure';

/** Longest value per keyword type of a subscription template (characters). */
const MAX_LENGTH: Record<string, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
  amount: 32,
  time: 64,
  date: 64,
};

/**
 * Checks a subscription message's `data` the way WeChat does: an object of
 * `{key: {value}}` whose values fit their keyword type (thing ≤ 20 characters...);
 * otherwise 47003 naming the field, e.g. "argument invalid! data.thing1.value exceed limit".
 */
export function checkSubscribeData(data: unknown): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new WechatFailure(47003, 'argument invalid! data is empty');
  for (const [key, entry] of Object.entries(data)) {
    const value: unknown = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new WechatFailure(47003, `argument invalid! data.${key}.value is empty`);
    }
    const type = key.replace(/\d+$/, '');
    const max = MAX_LENGTH[type];
    if (max !== undefined && [...String(value)].length > max) {
      throw new WechatFailure(47003, `argument invalid! data.${key}.value exceed limit`);
    }
  }
}
