/** Marks where a 64-bit id must be written as a bare number; it never appears in output. */
const MARK = '\u2063int64\u2063';
const MARKED = new RegExp(`"${MARK}(-?\\d+)${MARK}"`, 'g');

/**
 * A 64-bit integer kept as its decimal digits. WeChat writes msgids above 2^53 as bare
 * JSON numbers, which `JSON.stringify` cannot do from a JS number without losing digits.
 */
export class JsonInt64 {
  constructor(readonly digits: string) {
    if (!/^-?\d+$/.test(digits)) throw new Error(`not an integer: ${digits}`);
  }

  /** Called by JSON.stringify: a marked string that {@link stringifyWechatJson} unquotes. */
  toJSON(): string {
    return `${MARK}${this.digits}${MARK}`;
  }
}

/** JSON text with every {@link JsonInt64} as a bare number, exactly as WeChat writes it. */
export function stringifyWechatJson(value: unknown): string {
  return JSON.stringify(value).replace(MARKED, '$1');
}

/** A plain JSON copy with every {@link JsonInt64} as a string, for the control API and logs. */
export function toSafeJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text.replace(MARKED, '"$1"')) as unknown);
}
