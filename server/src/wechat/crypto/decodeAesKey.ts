import { WechatCryptoError } from './WechatCryptoError';

/**
 * Turns the 43-character EncodingAESKey into the 32-byte AES key:
 * WeChat drops the trailing "=" of the base64, so it is put back before decoding.
 */
export function decodeAesKey(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) {
    throw new WechatCryptoError('bad_aes_key', 'EncodingAESKey must be 43 base64 characters');
  }
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new WechatCryptoError('bad_aes_key', 'EncodingAESKey must decode to 32 bytes');
  return key;
}
