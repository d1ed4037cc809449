import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { ok } from '../api/WechatRoute';

/**
 * `POST /cgi-bin/openapi/quota/get {cgi_path}` (today's usage of a path for the calling app)
 * and `POST /cgi-bin/clear_quota {appid}` (zeroes the app's counters, 10 times a month).
 */
export function quotaRoutes(context: SimContext, knownPaths: () => Set<string>): WechatRoute[] {
  return [
    {
      method: 'POST',
      path: '/cgi-bin/openapi/quota/get',
      auth: 'any',
      handle(request) {
        const { cgi_path: cgiPath } = request.json();
        if (typeof cgiPath !== 'string' || !knownPaths().has(cgiPath)) throw new WechatFailure(76021);
        const caller = request.caller ?? context.apps.oa;
        const usage = context.quotas.usage(caller.appId, cgiPath);
        const quota = { daily_limit: usage.dailyLimit, used: usage.used, remain: usage.remain };
        // WeChat reports the per-minute limit as rate_limit; paths without one omit it here.
        const rate = usage.perMinute === undefined ? {} : { rate_limit: { call_count: usage.perMinute, refresh_second: 60 } };
        return ok({ quota, ...rate });
      },
    },
    {
      method: 'POST',
      path: '/cgi-bin/clear_quota',
      auth: 'any',
      handle(request) {
        const { appid } = request.json();
        const caller = request.caller ?? context.apps.oa;
        if (appid !== caller.appId) throw new WechatFailure(40013);
        context.quotas.clearLimited(caller.appId, context.limits.clearQuotaPerMonth);
        return ok();
      },
    },
  ];
}
