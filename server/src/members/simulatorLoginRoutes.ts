import Router from '@koa/router';
import { z } from 'zod';
import type { AppContextExtras, AppMiddleware, AppState } from '../app/appTypes';
import type { AppConfig } from '../config/configSchema';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';

const openid = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);

const LoginCodeSchema = z.object({
  body: z.object({ openid }),
});

const PhoneCodeSchema = z.object({
  // The number the simulated WeChat account hands over: digits only, country code apart.
  body: z.object({ openid, phoneNumber: z.string().regex(/^\d{5,20}$/), countryCode: z.string().regex(/^\d{1,4}$/).optional() }),
});

/** Answers 404 unless the simulator stands in for WeChat, before anything else runs. */
const simulatorOnly: AppMiddleware = async (ctx, next) => {
  if (!ctx.system.config.wechat.useSimulator) throw errors.notFound('route_not_found', '找不到这个地址');
  await next();
};

/** Posts `body` to the simulator's control route `path` and returns the code it issued. */
async function simulatorCode(config: AppConfig, path: string, body: Record<string, string>): Promise<{ code: string }> {
  const response = await fetch(new URL(path, config.wechat.apiBase), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(config.wechat.timeoutMs),
  }).catch(() => undefined);
  const answer = response?.ok ? ((await response.json()) as { code?: unknown }) : undefined;
  if (typeof answer?.code !== 'string') {
    throw errors.serviceUnavailable('wechat_unavailable', '微信服务暂时不可用，请稍后再试');
  }
  return { code: answer.code };
}

/**
 * `POST /__sim/mp/login-code {openid}` and `POST /__sim/mp/phone-code {openid, phoneNumber}`
 * on our own origin, forwarded to the WeChat simulator, so that the H5 build (which may only
 * call its own origin) can get the codes `wx.login` and the getPhoneNumber button would
 * give. The routes exist only while the simulator stands in for WeChat: with real WeChat
 * configured they answer 404, so no client-chosen openid or phone number can ever count.
 */
export function simulatorLoginRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>();
  router.post(
    '/__sim/mp/login-code',
    simulatorOnly,
    rateLimit({ name: 'simulator-login-code', points: 30, durationSeconds: 60 }),
    validate(LoginCodeSchema, async (ctx) => {
      ctx.body = await simulatorCode(ctx.system.config, '/__sim/mp/login-code', { openid: ctx.input.body.openid });
    }),
  );
  router.post(
    '/__sim/mp/phone-code',
    simulatorOnly,
    rateLimit({ name: 'simulator-phone-code', points: 30, durationSeconds: 60 }),
    validate(PhoneCodeSchema, async (ctx) => {
      const { openid: forOpenid, phoneNumber, countryCode } = ctx.input.body;
      ctx.body = await simulatorCode(ctx.system.config, '/__sim/mp/phone-code', { openid: forOpenid, phoneNumber, ...(countryCode ? { countryCode } : {}) });
    }),
  );
  return router;
}
