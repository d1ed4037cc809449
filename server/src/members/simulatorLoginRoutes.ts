import Router from '@koa/router';
import { z } from 'zod';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';

const LoginCodeSchema = z.object({
  body: z.object({ openid: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/) }),
});

/**
 * `POST /__sim/mp/login-code {openid}` on our own origin, forwarded to the WeChat simulator,
 * so that the H5 build (which may only call its own origin) can get the code `wx.login`
 * would give. The route exists only while the simulator stands in for WeChat: with real
 * WeChat configured it answers 404 and no client-chosen openid can ever sign in.
 */
export function simulatorLoginRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>();
  router.post(
    '/__sim/mp/login-code',
    async (ctx, next) => {
      if (!ctx.system.config.wechat.useSimulator) throw errors.notFound('route_not_found', '找不到这个地址');
      await next();
    },
    rateLimit({ name: 'simulator-login-code', points: 30, durationSeconds: 60 }),
    validate(LoginCodeSchema, async (ctx) => {
      const response = await fetch(new URL('/__sim/mp/login-code', ctx.system.config.wechat.apiBase), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: ctx.input.body.openid }),
        signal: AbortSignal.timeout(ctx.system.config.wechat.timeoutMs),
      }).catch(() => undefined);
      const body = response?.ok ? ((await response.json()) as { code?: unknown }) : undefined;
      if (typeof body?.code !== 'string') {
        throw errors.serviceUnavailable('wechat_unavailable', '微信服务暂时不可用，请稍后再试');
      }
      ctx.body = { code: body.code };
    }),
  );
  return router;
}
