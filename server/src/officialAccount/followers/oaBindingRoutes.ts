import Router from '@koa/router';
import { z } from 'zod';
import type { OaBindingDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../../app/appTypes';
import { rateLimit } from '../../app/rateLimit';
import { validate } from '../../app/validate';
import { byMember, currentMember, memberAuth } from '../../members/memberAuth';
import { bindFollowerByToken } from './bindFollower';

const BindingSchema = z.object({ body: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/) }) });

/**
 * `POST /api/mp/oa-binding {token}`: the mini-program, opened from the official account's
 * one-time link (`?oaBind=<token>` on the card page), joins that follower to the signed-in
 * member, so that the official account can answer with their points and children.
 */
export function oaBindingRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/mp' });
  router.post(
    '/oa-binding',
    rateLimit({ name: 'mp-oa-binding', points: 20, durationSeconds: 60, key: byMember }),
    memberAuth(),
    validate(BindingSchema, async (ctx) => {
      const binding = await bindFollowerByToken(ctx.system.dataSource, currentMember(ctx).id, ctx.input.body.token);
      ctx.body = { bound: true, subscribed: binding.subscribed } satisfies OaBindingDto;
    }),
  );
  return router;
}
