import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  decryptWechatMessage,
  encryptWechatMessage,
  encryptedReplyXml,
  isValidWechatSignature,
  openWechatMessage,
  pkcs7Pad,
  pkcs7Unpad,
  sealWechatMessage,
  wechatSignature,
  WechatCryptoError,
} from './index';

/** node-webot's reference implementation (a dependency of co-wechat), used as an independent oracle. */
interface ReferenceCrypto {
  getSignature(timestamp: string, nonce: string, encrypt: string): string;
  encrypt(text: string): string;
  decrypt(text: string): { message: string; id: string };
}
type ReferenceCryptoClass = new (token: string, aesKey: string, appId: string) => ReferenceCrypto;
const ReferenceWechatCrypto = createRequire(__filename)('wechat-crypto') as ReferenceCryptoClass;

const token = 'pamtest';
const aesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const appId = 'wxb11529c136998cb6';
const xml = '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Content><![CDATA[你好，玩具会员]]></Content></xml>';

describe('WeChat message crypto', () => {
  it('signs the sorted token, timestamp and nonce with sha1', () => {
    const expected = createHash('sha1').update(['1409304348', 'pamtest', 'xxxxxx'].sort().join('')).digest('hex');
    expect(wechatSignature(token, '1409304348', 'xxxxxx')).toBe(expected);
    expect(isValidWechatSignature(expected, token, '1409304348', 'xxxxxx')).toBe(true);
    expect(isValidWechatSignature(expected.toUpperCase(), token, '1409304348', 'xxxxxx')).toBe(true);
    expect(isValidWechatSignature('0'.repeat(40), token, '1409304348', 'xxxxxx')).toBe(false);
    expect(isValidWechatSignature(undefined, token, '1409304348', 'xxxxxx')).toBe(false);
  });

  it('computes msg_signature exactly like the reference implementation', () => {
    const reference = new ReferenceWechatCrypto(token, aesKey, appId);
    const encrypt = encryptWechatMessage(aesKey, appId, xml);
    expect(wechatSignature(token, '1409304348', 'xxxxxx', encrypt)).toBe(reference.getSignature('1409304348', 'xxxxxx', encrypt));
  });

  it('round-trips through AES and returns the appended appid', () => {
    const encrypt = encryptWechatMessage(aesKey, appId, xml);
    expect(decryptWechatMessage(aesKey, encrypt)).toEqual({ xml, appId });
  });

  it('interoperates with the reference implementation both ways', () => {
    const reference = new ReferenceWechatCrypto(token, aesKey, appId);
    expect(reference.decrypt(encryptWechatMessage(aesKey, appId, xml))).toEqual({ message: xml, id: appId });
    expect(decryptWechatMessage(aesKey, reference.encrypt(xml))).toEqual({ xml, appId });
  });

  it('pads to 32-byte blocks with PKCS#7', () => {
    expect(pkcs7Pad(Buffer.alloc(32)).length).toBe(64);
    expect(pkcs7Pad(Buffer.alloc(31)).subarray(31)).toEqual(Buffer.from([1]));
    expect(pkcs7Unpad(pkcs7Pad(Buffer.from('abc')))).toEqual(Buffer.from('abc'));
    expect(() => pkcs7Unpad(Buffer.from([1, 2, 3, 0]))).toThrow(WechatCryptoError);
  });

  it('opens a sealed reply and refuses a forged signature or another appid', () => {
    const sealed = sealWechatMessage({ token, encodingAesKey: aesKey, appId, xml, timestamp: '1700000000', nonce: 'n1' });
    const body = encryptedReplyXml(sealed);
    const base = { token, encodingAesKey: aesKey, body, timestamp: '1700000000', nonce: 'n1' };
    expect(openWechatMessage({ ...base, appId, msgSignature: sealed.msgSignature })).toBe(xml);
    expect(() => openWechatMessage({ ...base, appId, msgSignature: 'f'.repeat(40) })).toThrow(
      expect.objectContaining({ problem: 'bad_signature' }),
    );
    expect(() => openWechatMessage({ ...base, appId: 'wxother', msgSignature: sealed.msgSignature })).toThrow(
      expect.objectContaining({ problem: 'appid_mismatch' }),
    );
  });

  it('refuses a malformed key or ciphertext', () => {
    expect(() => encryptWechatMessage('short', appId, xml)).toThrow(expect.objectContaining({ problem: 'bad_aes_key' }));
    expect(() => decryptWechatMessage(aesKey, 'AAAA')).toThrow(WechatCryptoError);
  });
});
