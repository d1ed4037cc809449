import Router from '@koa/router';
import { z } from 'zod';
import type { StaffSessionDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { tokenHash } from '../security/secretTokens';
import { presentStaff } from './presentStaff';
import { currentStaff, STAFF_COOKIE, staffAuth } from './staffAuth';
import { staffLogin } from './staffLogin';
import { StaffSession } from './StaffSession';

const LoginSchema = z.object({
  body: z.object({ username: z.string().trim().min(1).max(32), password: z.string().min(1).max(128) }),
});

/** `POST/GET/DELETE /api/admin/session`: the admin console's cookie session. */
export function adminSessionRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin' });

  router.post(
    '/session',
    rateLimit({ name: 'admin-login', points: 20, durationSeconds: 60 }),
    validate(LoginSchema, async (ctx) => {
      const { username, password } = ctx.input.body;
      const { staff, token, expiresAt } = await staffLogin({ system: ctx.system, username, password, ip: ctx.ip, now: new Date() });
      ctx.cookies.set(STAFF_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.system.config.staff.cookieSecure,
        path: '/api',
        expires: expiresAt,
        overwrite: true,
      });
      ctx.body = { staff: presentStaff(staff), expiresAt: expiresAt.toISOString() } satisfies StaffSessionDto;
    }),
  );

  router.get('/session', staffAuth(null), async (ctx) => {
    ctx.body = { staff: presentStaff(currentStaff(ctx)) } satisfies StaffSessionDto;
  });

  router.delete('/session', staffAuth(null), async (ctx) => {
    const token = ctx.cookies.get(STAFF_COOKIE);
    if (token) await ctx.system.dataSource.getRepository(StaffSession).delete({ tokenHash: tokenHash(token) });
    ctx.cookies.set(STAFF_COOKIE, null, { path: '/api', httpOnly: true, sameSite: 'strict' });
    ctx.status = 204;
  });
  return router;
}
