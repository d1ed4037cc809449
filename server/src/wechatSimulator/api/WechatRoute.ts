import type { SimApp } from '../SimContext';

/**
 * Who may call a route: an `oa` or `mp` access_token, either (`any`), appid + secret in the
 * request itself (`credentials`: token endpoints, jscode2session; the route checks them), or
 * anyone (`none`: the QR image).
 */
export type RouteAuth = 'oa' | 'mp' | 'any' | 'credentials' | 'none';

/** A parsed API request. */
export interface WechatRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  rawBody: Buffer;
  contentType: string;
  /** The app whose access_token authenticated the call (token routes only). */
  caller: SimApp | undefined;
  /** The JSON body: 44002 when empty, 47001 when not JSON or not an object. */
  json(): Record<string, unknown>;
}

/** What a route answers: JSON (HTTP 200 with WeChat's content type) or an image. */
export type WechatAnswer =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'binary'; contentType: string; data: Buffer };

/** One WeChat API endpoint. */
export interface WechatRoute {
  method: 'GET' | 'POST';
  path: string;
  auth: RouteAuth;
  handle(request: WechatRequest): Promise<WechatAnswer> | WechatAnswer;
}

/** A JSON answer with errcode 0 first, as WeChat orders it. */
export function ok(fields: Record<string, unknown> = {}): WechatAnswer {
  return { kind: 'json', body: { errcode: 0, errmsg: 'ok', ...fields } };
}

/** A JSON answer without errcode (the token endpoints and jscode2session omit it). */
export function bare(fields: Record<string, unknown>): WechatAnswer {
  return { kind: 'json', body: fields };
}
