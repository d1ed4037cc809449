import type { ServerResponse } from 'node:http';
import { stringifyWechatJson } from '../core/JsonInt64';
import { rid } from '../core/rid';
import type { WechatFailure } from '../core/WechatFailure';

/** WeChat's content type for JSON, odd parameter included (clients sniff for application/json). */
export const WECHAT_JSON_TYPE = 'application/json; encoding=utf-8';

/** The body of an error: errcode, errmsg with " rid: ...", and any extra fields. */
export function failureBody(failure: WechatFailure, nowSeconds: number): Record<string, unknown> {
  return { errcode: failure.errcode, errmsg: `${failure.errmsg} rid: ${rid(nowSeconds)}`, ...failure.extra };
}

/** Writes a JSON answer with HTTP 200 (WeChat uses 200 for errors too). */
export function writeWechatJson(res: ServerResponse, body: unknown, status = 200): void {
  const text = stringifyWechatJson(body);
  res.writeHead(status, { 'Content-Type': WECHAT_JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
