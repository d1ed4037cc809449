import Router from '@koa/router';
import { z } from 'zod';
import type { MemberSessionDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { tokenHash } from '../security/secretTokens';
import { byMember, currentMember, memberAuth } from './memberAuth';
import { MemberSession } from './MemberSession';
import { memberSignIn } from './memberSignIn';
import { phoneNumberBinder } from './phoneNumberBinder';
import { presentMe } from './presentMe';

const CodeSchema = z.object({ body: z.object({ code: z.string().trim().min(1).max(128) }) });

/** Sign-in (`POST /api/mp/session`), sign-out, and the phone number from WeChat. */
export function sessionRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/mp' });

  router.post(
    '/session',
    rateLimit({ name: 'mp-sign-in', points: 30, durationSeconds: 60 }),
    validate(CodeSchema, async (ctx) => {
      const { member, token, expiresAt } = await memberSignIn({ system: ctx.system, code: ctx.input.body.code, now: new Date() });
      const body: MemberSessionDto = { token, expiresAt: expiresAt.toISOString(), member: await presentMe(ctx.system, member) };
      ctx.set('Cache-Control', 'no-store');
      ctx.body = body;
    }),
  );

  router.delete('/session', memberAuth(), async (ctx) => {
    const token = ctx.get('authorization').replace(/^Bearer /, '');
    await ctx.system.dataSource.getRepository(MemberSession).delete({ tokenHash: tokenHash(token) });
    ctx.status = 204;
  });

  router.post(
    '/me/phone',
    rateLimit({ name: 'mp-phone', points: 10, durationSeconds: 600, key: byMember }),
    memberAuth(),
    validate(CodeSchema, async (ctx) => {
      const member = await phoneNumberBinder({ system: ctx.system, member: currentMember(ctx), code: ctx.input.body.code });
      ctx.body = await presentMe(ctx.system, member);
    }),
  );
  return router;
}
