import { createDecipheriv } from 'node:crypto';
import { decodeAesKey } from './decodeAesKey';
import { pkcs7Unpad } from './pkcs7';
import { WechatCryptoError } from './WechatCryptoError';

/** A decrypted safe-mode message and the appid WeChat appended to it. */
export interface DecryptedWechatMessage {
  xml: string;
  appId: string;
}

/**
 * Decrypts a base64 `Encrypt` value. It returns the trailing appid rather than checking it,
 * so the caller compares it with its own appid (co-wechat skips that check).
 */
export function decryptWechatMessage(encodingAesKey: string, encrypted: string): DecryptedWechatMessage {
  const key = decodeAesKey(encodingAesKey);
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) {
    throw new WechatCryptoError('bad_ciphertext', 'ciphertext is not a whole number of AES blocks');
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = pkcs7Unpad(Buffer.concat([decipher.update(data), decipher.final()]));
  } catch (error) {
    if (error instanceof WechatCryptoError) throw error;
    throw new WechatCryptoError('bad_ciphertext', 'ciphertext could not be decrypted');
  }
  if (plain.length < 20) throw new WechatCryptoError('bad_length', 'plaintext too short');
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) throw new WechatCryptoError('bad_length', 'declared message length exceeds plaintext');
  return {
    xml: plain.subarray(20, 20 + length).toString('utf8'),
    appId: plain.subarray(20 + length).toString('utf8'),
  };
}
