import { errcodeOf, idString, parseWechatJson, requireIdString } from './parseWechatJson';
import { optionalNumber, requireNumber } from './wechatFields';

describe('parseWechatJson', () => {
  it('keeps ids above 2^53 exact, as strings', () => {
    const json = parseWechatJson('{"errcode":0,"errmsg":"ok","msgid":3487542469355618313}');
    expect(json.msgid).toBe('3487542469355618313');
    expect(requireIdString(json.msgid, 'msgid')).toBe('3487542469355618313');
    // What JSON.parse would have produced instead:
    expect(String((JSON.parse('{"msgid":3487542469355618313}') as { msgid: number }).msgid)).not.toBe('3487542469355618313');
  });

  it('turns short numeric ids into strings as well', () => {
    expect(idString(1000)).toBe('1000');
    expect(idString('9223372036854775807')).toBe('9223372036854775807');
    expect(idString(undefined)).toBeNull();
    expect(idString(1.5)).toBeNull();
  });

  it('reads errcode, a missing one as success', () => {
    expect(errcodeOf(parseWechatJson('{"openid":"o1"}'))).toBe(0);
    expect(errcodeOf(parseWechatJson('{"errcode":40001}'))).toBe(40001);
    expect(() => errcodeOf(parseWechatJson('{"errcode":"oops"}'))).toThrow(SyntaxError);
  });

  it('rejects bodies that are not JSON objects', () => {
    expect(() => parseWechatJson('[1]')).toThrow(SyntaxError);
    expect(() => parseWechatJson('<xml/>')).toThrow();
    expect(() => parseWechatJson(Buffer.from('{"a":1}'))).not.toThrow();
  });

  it('still reads long non-id numbers (json-bigint leaves them as strings) as numbers', () => {
    const json = parseWechatJson('{"daily_limit":9007199254740991,"used":3,"prob":90.5}');
    expect(json.daily_limit).toBe('9007199254740991');
    expect(requireNumber(json, 'daily_limit')).toBe(Number.MAX_SAFE_INTEGER);
    expect(optionalNumber(json, 'prob')).toBe(90.5);
    expect(optionalNumber(json, 'absent')).toBeNull();
  });
});
