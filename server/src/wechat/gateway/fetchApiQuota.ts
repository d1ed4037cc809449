import type { GatewayContext } from './GatewayContext';
import { callJson } from './GatewayContext';
import { objectField, optionalNumber, requireNumber } from './wechatFields';

/** An API's daily quota and rate limit, as `openapi/quota/get` reports them. */
export interface ApiQuota {
  dailyLimit: number;
  used: number;
  remain: number;
  /** Calls allowed per `refreshSecond` seconds, when WeChat reports it. */
  rateLimit: { callCount: number; refreshSecond: number } | null;
}

/** `openapi/quota/get` for one API path of the context's app (e.g. `/cgi-bin/message/template/send`). */
export async function fetchApiQuota(context: GatewayContext, cgiPath: string): Promise<ApiQuota> {
  const json = await callJson(context, {
    method: 'POST',
    path: '/cgi-bin/openapi/quota/get',
    idempotent: true,
    body: { cgi_path: cgiPath },
  });
  const quota = objectField(json, 'quota');
  const rate = objectField(json, 'rate_limit');
  const callCount = optionalNumber(rate, 'call_count');
  const refreshSecond = optionalNumber(rate, 'refresh_second');
  return {
    dailyLimit: requireNumber(quota, 'daily_limit'),
    used: requireNumber(quota, 'used'),
    remain: requireNumber(quota, 'remain'),
    rateLimit: callCount !== null && refreshSecond !== null ? { callCount, refreshSecond } : null,
  };
}
