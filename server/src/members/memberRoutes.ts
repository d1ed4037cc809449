import Router from '@koa/router';
import { LessThan } from 'typeorm';
import { z } from 'zod';
import type { PointsEntriesPageDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { expiringSoon } from '../points/expiringSoon';
import { PointsEntry } from '../points/PointsEntry';
import { presentPointsEntry } from '../points/presentPointsEntry';
import { requirePrivacyConsent } from '../privacy/consentState';
import { runInTransaction } from '../db/runInTransaction';
import { Member } from './Member';
import { byMember, currentMember, memberAuth } from './memberAuth';
import { presentMe } from './presentMe';
import { numericId } from '../app/numericId';

const EntriesSchema = z.object({
  query: z.object({
    before: numericId.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  }),
});

const ProfileSchema = z.object({ body: z.object({ nickname: z.string().trim().min(1).max(32) }) });

/** The member's own card and ledger: `GET /api/mp/me`, `PATCH /api/mp/me`, `GET /api/mp/points/entries`. */
export function memberRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/mp' });
  const limit = rateLimit({ name: 'mp-read', points: 120, durationSeconds: 60, key: byMember });

  router.get('/me', limit, memberAuth(), async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await presentMe(ctx.system, currentMember(ctx));
  });

  router.patch(
    '/me',
    limit,
    memberAuth(),
    validate(ProfileSchema, async (ctx) => {
      const member = currentMember(ctx);
      requirePrivacyConsent(ctx.system.config, member);
      await runInTransaction(ctx.system.dataSource, (manager) =>
        manager.getRepository(Member).update({ id: member.id }, { nickname: ctx.input.body.nickname }),
      );
      member.nickname = ctx.input.body.nickname;
      ctx.body = await presentMe(ctx.system, member);
    }),
  );

  router.get(
    '/points/entries',
    limit,
    memberAuth(),
    validate(EntriesSchema, async (ctx) => {
      const member = currentMember(ctx);
      const { before, limit: pageSize } = ctx.input.query;
      const manager = ctx.system.dataSource.manager;
      const entries = await manager.getRepository(PointsEntry).find({
        where: { memberId: member.id, ...(before ? { id: LessThan(before) } : {}) },
        order: { id: 'DESC' },
        take: pageSize + 1,
      });
      const page = entries.slice(0, pageSize);
      const body: PointsEntriesPageDto = {
        balance: member.pointsBalance,
        expiringSoon: await expiringSoon(manager, ctx.system.config, member.id, new Date()),
        entries: page.map(presentPointsEntry),
        nextCursor: entries.length > pageSize ? page[page.length - 1]!.id : null,
      };
      ctx.body = body;
    }),
  );
  return router;
}
