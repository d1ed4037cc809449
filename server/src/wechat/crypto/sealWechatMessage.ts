import { encryptWechatMessage } from './encryptWechatMessage';
import { wechatSignature } from './wechatSignature';

/** What is needed to encrypt and sign one safe-mode message. */
export interface SealWechatMessageOptions {
  token: string;
  encodingAesKey: string;
  /** The appid appended inside the ciphertext: the official account's own appid. */
  appId: string;
  xml: string;
  timestamp: string;
  nonce: string;
  /** Fixed 16 random bytes, for tests only. */
  random?: Buffer;
}

/** An encrypted message with the signature that covers it. */
export interface SealedWechatMessage {
  encrypt: string;
  msgSignature: string;
  timestamp: string;
  nonce: string;
}

/** Encrypts `xml` and computes its `msg_signature` over token, timestamp, nonce and Encrypt. */
export function sealWechatMessage(options: SealWechatMessageOptions): SealedWechatMessage {
  const encrypt = encryptWechatMessage(options.encodingAesKey, options.appId, options.xml, options.random);
  return {
    encrypt,
    msgSignature: wechatSignature(options.token, options.timestamp, options.nonce, encrypt),
    timestamp: options.timestamp,
    nonce: options.nonce,
  };
}

/** The body of an encrypted passive reply: Encrypt, MsgSignature, TimeStamp, Nonce. */
export function encryptedReplyXml(sealed: SealedWechatMessage): string {
  return (
    `<xml><Encrypt><![CDATA[${sealed.encrypt}]]></Encrypt>` +
    `<MsgSignature><![CDATA[${sealed.msgSignature}]]></MsgSignature>` +
    `<TimeStamp>${sealed.timestamp}</TimeStamp>` +
    `<Nonce><![CDATA[${sealed.nonce}]]></Nonce></xml>`
  );
}

/**
 * The body WeChat posts in safe mode: ToUserName and Encrypt only (the signature travels
 * in the query string as `msg_signature`).
 */
export function encryptedPushXml(toUserName: string, sealed: SealedWechatMessage): string {
  return `<xml><ToUserName><![CDATA[${toUserName}]]></ToUserName><Encrypt><![CDATA[${sealed.encrypt}]]></Encrypt></xml>`;
}
