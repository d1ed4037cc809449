import { randomInt } from 'node:crypto';
import { encryptedPushXml, sealWechatMessage, wechatSignature } from '../wechat/crypto';
import { TEST_WECHAT_APPS } from './startTestWechatSimulator';

/** A hand-built push: the URL with its signed query, and the body. */
export interface SignedPush {
  url: string;
  body: string;
}

/** Options of {@link signedPush}. */
export interface SignedPushOptions {
  mode?: 'plain' | 'safe';
  token?: string;
  /** The appid sealed into a safe-mode message (another account's, to test the check). */
  appId?: string;
  aesKey?: string;
  /** Breaks the signature. */
  forge?: boolean;
}

/** Signs `xml` for `callbackUrl` as WeChat would (plain or safe mode), for tests that bypass the simulator. */
export function signedPush(callbackUrl: string, xml: string, options: SignedPushOptions = {}): SignedPush {
  const token = options.token ?? TEST_WECHAT_APPS.oa.token;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomInt(1_000_000, 2_000_000_000));
  const url = new URL(callbackUrl);
  url.searchParams.set('signature', options.forge ? '0'.repeat(40) : wechatSignature(token, timestamp, nonce));
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('nonce', nonce);
  if (options.mode !== 'safe') return { url: url.toString(), body: xml };
  const sealed = sealWechatMessage({
    token,
    encodingAesKey: options.aesKey ?? TEST_WECHAT_APPS.oa.aesKey,
    appId: options.appId ?? TEST_WECHAT_APPS.oa.appId,
    xml,
    timestamp,
    nonce,
  });
  url.searchParams.set('encrypt_type', 'aes');
  url.searchParams.set('msg_signature', options.forge ? 'f'.repeat(40) : sealed.msgSignature);
  return { url: url.toString(), body: encryptedPushXml('gh_test', sealed) };
}

/** POSTs a signed push and returns the status and body text. */
export async function postPush(push: SignedPush, contentType = 'text/xml'): Promise<{ status: number; body: string }> {
  const response = await fetch(push.url, { method: 'POST', headers: { 'content-type': contentType }, body: push.body });
  return { status: response.status, body: await response.text() };
}

/** A text message's XML as WeChat writes it. */
export function textXml(openid: string, content: string, msgId = String(randomInt(1, 2 ** 47) * 10_000 + 1234)): string {
  return (
    `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName>` +
    `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
    `<Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`
  );
}
