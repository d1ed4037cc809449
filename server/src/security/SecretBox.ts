import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { derivedKey } from './secretTokens';

const VERSION = 'v1';

/**
 * Encrypts small secrets at rest (members' phone numbers, stores' POS keys) with
 * AES-256-GCM under a key derived from the signing secret. The output is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url, fit for a VARCHAR column.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(signingSecret: string, purpose: string) {
    this.key = derivedKey(signingSecret, `secret-box:${purpose}`);
  }

  /** Encrypts `plaintext` with a fresh IV. */
  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  /** Decrypts what {@link seal} produced; throws when it was tampered with or sealed under another key. */
  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
