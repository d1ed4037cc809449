import { createCipheriv, randomBytes } from 'node:crypto';
import { decodeAesKey } from './decodeAesKey';
import { pkcs7Pad } from './pkcs7';

/**
 * Encrypts a message the way WeChat does in safe mode and returns the base64 `Encrypt`:
 * AES-256-CBC (IV = first 16 key bytes) over
 * 16 random bytes ‖ 4-byte big-endian xml length ‖ xml ‖ appId, PKCS#7-padded to 32 bytes.
 * `random` is only for tests that need a fixed ciphertext.
 */
export function encryptWechatMessage(encodingAesKey: string, appId: string, xml: string, random?: Buffer): string {
  const key = decodeAesKey(encodingAesKey);
  const body = Buffer.from(xml, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const plain = pkcs7Pad(Buffer.concat([random ?? randomBytes(16), length, body, Buffer.from(appId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}
