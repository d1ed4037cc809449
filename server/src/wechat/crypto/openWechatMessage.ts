import { decryptWechatMessage } from './decryptWechatMessage';
import { isValidWechatSignature } from './wechatSignature';
import { WechatCryptoError } from './WechatCryptoError';

/** What is needed to verify and decrypt one safe-mode message. */
export interface OpenWechatMessageOptions {
  token: string;
  encodingAesKey: string;
  /** The appid the ciphertext must carry; a different one is refused. */
  appId: string;
  /** The envelope XML (push body or encrypted reply) holding `<Encrypt>`. */
  body: string;
  timestamp: string;
  nonce: string;
  msgSignature: string;
}

/**
 * Reads one top-level element's text from an envelope, with or without CDATA.
 * Envelope values (base64, hex, digits) never contain markup, so a pattern is enough.
 */
export function readEnvelopeField(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${name}>`).exec(xml);
  if (!match) return undefined;
  return match[1] ?? match[2];
}

/**
 * Checks `msg_signature`, decrypts `<Encrypt>` and checks the appid inside it;
 * returns the plaintext XML. Throws {@link WechatCryptoError} on any mismatch.
 */
export function openWechatMessage(options: OpenWechatMessageOptions): string {
  const encrypt = readEnvelopeField(options.body, 'Encrypt');
  if (!encrypt) throw new WechatCryptoError('missing_encrypt', 'envelope has no Encrypt element');
  if (!isValidWechatSignature(options.msgSignature, options.token, options.timestamp, options.nonce, encrypt)) {
    throw new WechatCryptoError('bad_signature', 'msg_signature does not match');
  }
  const decrypted = decryptWechatMessage(options.encodingAesKey, encrypt);
  if (decrypted.appId !== options.appId) {
    throw new WechatCryptoError('appid_mismatch', 'message was encrypted for another appid');
  }
  return decrypted.xml;
}
