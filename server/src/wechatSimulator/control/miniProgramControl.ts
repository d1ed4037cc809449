import { z } from 'zod';
import type { SimContext } from '../SimContext';
import { answerSubscribePopup } from '../actions/answerSubscribePopup';
import type { ControlRoute } from './controlRoute';
import { controlRoute } from './controlRoute';

const loginCodeBody = z.object({ openid: z.string().min(1).max(128), unionid: z.string().min(1).max(128).optional() });

const phoneCodeBody = z.object({
  openid: z.string().min(1).max(128),
  phoneNumber: z.string().regex(/^\+?\d{5,20}$/),
  countryCode: z.string().regex(/^\d{1,4}$/).optional(),
});

const grantBody = z.object({
  app: z.enum(['oa', 'mp']).default('mp'),
  openid: z.string().min(1).max(128),
  templateId: z.string().min(1).max(128),
  count: z.number().int().min(1).max(10_000).default(1),
});

const popupBody = z.object({
  openid: z.string().min(1).max(128),
  templateId: z.string().min(1).max(128),
  accept: z.boolean().default(true),
  popupScene: z.union([z.literal(1), z.literal(2)]).optional(),
});

/**
 * The user's side of the mini-program: `POST /__sim/mp/login-code` (what wx.login returns),
 * `POST /__sim/mp/phone-code` (what getPhoneNumber returns) and `POST /__sim/subscribe-grants`
 * (the user accepts a subscription template `count` times, silently) and
 * `POST /__sim/subscribe-popup` (an OA follower answers the popup: grant + pushed event).
 */
export function miniProgramControl(context: SimContext): ControlRoute[] {
  return [
    controlRoute('POST', '/__sim/mp/login-code', loginCodeBody, (body) => ({
      status: 201,
      body: { code: context.mpUsers.createLoginCode(body.openid, body.unionid, context.limits.loginCodeTtlSeconds) },
    })),
    controlRoute('POST', '/__sim/mp/phone-code', phoneCodeBody, (body) => ({
      status: 201,
      body: {
        code: context.mpUsers.createPhoneCode(body.openid, body.phoneNumber, body.countryCode ?? '86', context.limits.phoneCodeTtlSeconds),
      },
    })),
    controlRoute('POST', '/__sim/subscribe-grants', grantBody, (body) => ({
      status: 201,
      body: { remaining: context.grants.grant(body.app, body.openid, body.templateId, body.count) },
    })),
    controlRoute('POST', '/__sim/subscribe-popup', popupBody, async (body) => {
      const push = await answerSubscribePopup(context, body);
      return { body: { outcome: push.outcome, remaining: context.grants.balance('oa', body.openid, body.templateId) } };
    }),
  ];
}
