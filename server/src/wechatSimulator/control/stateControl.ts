import { z } from 'zod';
import type { SimContext } from '../SimContext';
import { resetSimulator } from '../actions/resetSimulator';
import { DEFAULT_LIMITS } from '../simulatorOptions';
import type { SimulatorLimits } from '../simulatorOptions';
import type { ControlRoute } from './controlRoute';
import { controlRoute } from './controlRoute';

const limitKeys = Object.keys(DEFAULT_LIMITS) as Array<keyof SimulatorLimits>;
const limitsSchema = z.object(Object.fromEntries(limitKeys.map((key) => [key, z.number().int().nonnegative().optional()])));

const configBody = z.object({
  callbackUrl: z.string().url().nullable().optional(),
  mpCallbackUrl: z.string().url().nullable().optional(),
  pushMode: z.enum(['plain', 'safe', 'compatible']).optional(),
  retryDelayMs: z.number().int().positive().max(60_000).optional(),
  maxDeliveries: z.number().int().min(1).max(10).optional(),
  jobFinishDelayMs: z.number().int().min(0).max(600_000).optional(),
  riskyWords: z.record(z.string().min(1), z.number().int()).optional(),
  reviewWords: z.array(z.string().min(1)).optional(),
  limits: limitsSchema.optional(),
});

const expireBody = z.object({
  appId: z.string().optional(),
  slot: z.enum(['token', 'stable']).optional(),
  /** true: revoke (40001 "not latest") instead of expiring (42001). */
  invalidate: z.boolean().optional(),
});

const quotaBody = z.object({
  path: z.string().startsWith('/'),
  daily: z.number().int().nonnegative().optional(),
  perMinute: z.number().int().nonnegative().optional(),
});

/** The simulator's settings as JSON. */
export function settingsView(context: SimContext): Record<string, unknown> {
  const { riskyWords, reviewWords, ...rest } = context.settings;
  return { ...rest, riskyWords: Object.fromEntries(riskyWords), reviewWords: [...reviewWords], limits: context.limits };
}

/**
 * Simulator state: `POST /__sim/reset`, `GET|POST /__sim/config`, `POST /__sim/tokens/expire`,
 * `GET|POST /__sim/quotas`, `GET /__sim/clock`, `POST /__sim/clock/advance {ms}`.
 */
export function stateControl(context: SimContext): ControlRoute[] {
  return [
    controlRoute('POST', '/__sim/reset', z.unknown(), () => {
      resetSimulator(context);
      return { body: { reset: true } };
    }),
    controlRoute('GET', '/__sim/config', z.unknown(), () => ({ body: settingsView(context) })),
    controlRoute('POST', '/__sim/config', configBody, (body) => {
      const { riskyWords, reviewWords, limits, callbackUrl, mpCallbackUrl, ...plain } = body;
      Object.assign(context.settings, Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined)));
      if (callbackUrl !== undefined) context.settings.callbackUrl = callbackUrl ?? undefined;
      if (mpCallbackUrl !== undefined) context.settings.mpCallbackUrl = mpCallbackUrl ?? undefined;
      if (riskyWords) context.settings.riskyWords = new Map(Object.entries(riskyWords));
      if (reviewWords) context.settings.reviewWords = new Set(reviewWords);
      if (limits) Object.assign(context.limits, Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)));
      return { body: settingsView(context) };
    }),
    controlRoute('POST', '/__sim/tokens/expire', expireBody, (body) => {
      const affected = body.invalidate
        ? context.tokens.invalidate(body.appId, body.slot)
        : context.tokens.expire(body.appId, body.slot);
      return { body: { affected } };
    }),
    controlRoute('GET', '/__sim/quotas', z.unknown(), (_body, query) => {
      const path = query.get('path') ?? '/cgi-bin/message/template/send';
      const appId = query.get('appid') ?? context.apps.oa.appId;
      return { body: { path, appId, limit: context.quotas.limitOf(path), usage: context.quotas.usage(appId, path) } };
    }),
    controlRoute('POST', '/__sim/quotas', quotaBody, (body) => {
      context.quotas.setLimit(body.path, { daily: body.daily, perMinute: body.perMinute });
      return { body: { path: body.path, limit: context.quotas.limitOf(body.path) } };
    }),
    controlRoute('GET', '/__sim/clock', z.unknown(), () => ({ body: { now: context.clock.now() } })),
    controlRoute('POST', '/__sim/clock/advance', z.object({ ms: z.number().int().positive() }), (body) => {
      context.clock.advance(body.ms);
      return { body: { now: context.clock.now() } };
    }),
  ];
}
