import { WechatCryptoError } from './WechatCryptoError';

/** WeChat pads to 32 bytes (not AES's 16), so Node's automatic padding cannot be used. */
export const WECHAT_BLOCK_SIZE = 32;

/** Appends PKCS#7 padding to a multiple of 32 bytes (always at least one byte). */
export function pkcs7Pad(data: Buffer): Buffer {
  const padLength = WECHAT_BLOCK_SIZE - (data.length % WECHAT_BLOCK_SIZE);
  return Buffer.concat([data, Buffer.alloc(padLength, padLength)]);
}

/** Removes PKCS#7 padding of 1 to 32 bytes; refuses anything else. */
export function pkcs7Unpad(data: Buffer): Buffer {
  const padLength = data.length > 0 ? data[data.length - 1] : 0;
  if (padLength < 1 || padLength > WECHAT_BLOCK_SIZE || padLength > data.length) {
    throw new WechatCryptoError('bad_padding', 'invalid PKCS#7 padding');
  }
  return data.subarray(0, data.length - padLength);
}
