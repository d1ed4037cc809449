import { randomInt } from 'node:crypto';
import { encryptedPushXml, sealWechatMessage, wechatSignature } from '../../wechat/crypto';
import type { SimApp } from '../SimContext';
import type { PushMode } from '../simulatorOptions';

/** A push ready to send: query string and body. */
export interface SignedPush {
  query: Record<string, string>;
  body: string;
}

/**
 * Frames a plaintext push as WeChat does for the mode: plain (signature in the query), safe
 * (`encrypt_type=aes`, `msg_signature`, body = ToUserName + Encrypt) or compatible (plaintext
 * fields plus Encrypt). The plain `signature` is always present, as WeChat sends it.
 */
export function signPush(app: SimApp, mode: PushMode, xml: string, openid: string | undefined, nowSeconds: number): SignedPush {
  const timestamp = String(nowSeconds);
  const nonce = String(randomInt(100_000_000, 2_000_000_000));
  const query: Record<string, string> = { signature: wechatSignature(app.token, timestamp, nonce), timestamp, nonce };
  if (openid) query.openid = openid;
  if (mode === 'plain') return { query, body: xml };
  const sealed = sealWechatMessage({ token: app.token, encodingAesKey: app.aesKey, appId: app.appId, xml, timestamp, nonce });
  query.encrypt_type = 'aes';
  query.msg_signature = sealed.msgSignature;
  if (mode === 'safe') return { query, body: encryptedPushXml(app.originalId, sealed) };
  return { query, body: xml.replace(/<\/xml>\s*$/, `<Encrypt><![CDATA[${sealed.encrypt}]]></Encrypt></xml>`) };
}
