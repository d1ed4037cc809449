import Router from '@koa/router';
import { z } from 'zod';
import { LessThan } from 'typeorm';
import type { AdminMemberPageDto, PointsEntriesPageDto, RevealedPhoneDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { recordAudit } from '../audit/auditLog';
import { Child } from '../children/Child';
import { expiringSoon } from '../points/expiringSoon';
import { pointsAdjuster } from '../points/pointsAdjuster';
import { PointsEntry } from '../points/PointsEntry';
import { presentPointsEntry } from '../points/presentPointsEntry';
import { hasGuardianConsent } from '../privacy/consentState';
import { idempotencyKey } from '../purchases/purchaseSchemas';
import { PhoneVault } from '../security/phoneNumbers';
import { currentStaff, staffAuth } from '../staff/staffAuth';
import { Member } from './Member';
import { loadStats } from './memberStatsRecorder';
import { presentAdminMemberDetail, presentAdminMemberSummary } from './presentAdminMember';
import { numericId as id } from '../app/numericId';

const ListSchema = z.object({
  query: z.object({ q: z.string().trim().max(32).optional(), after: id.optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
});
const IdSchema = z.object({ params: z.object({ id }) });
const EntriesSchema = z.object({
  params: z.object({ id }),
  query: z.object({ before: id.optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
});
const AdjustSchema = z.object({
  params: z.object({ id }),
  body: z.object({
    delta: z.number().int().min(-1_000_000).max(1_000_000).refine((value) => value !== 0, '调整积分不能为 0'),
    note: z.string().trim().min(1).max(200),
    idempotencyKey,
  }),
});

/** The console's member pages. Every read of personal data writes audit entries first. */
export function adminMemberRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/members' });
  const limit = rateLimit({ name: 'admin-members', points: 120, durationSeconds: 60 });

  router.get(
    '/',
    limit,
    staffAuth('members.read'),
    validate(ListSchema, async (ctx) => {
      const { q, after, limit: pageSize } = ctx.input.query;
      const query = ctx.system.dataSource.getRepository(Member).createQueryBuilder('m').orderBy('m.id', 'DESC').take(pageSize + 1);
      if (after) query.andWhere('m.id < :after', { after });
      if (q && /^\d{4}$/.test(q)) query.andWhere('m.phone_last4 = :q', { q });
      else if (q) query.andWhere('m.nickname LIKE :prefix', { prefix: `${q.replace(/[\\%_]/g, (match) => `\\${match}`)}%` });
      const rows = await query.getMany();
      const page = rows.slice(0, pageSize);
      await recordAudit(ctx.system.dataSource.manager, {
        staffId: currentStaff(ctx).id,
        memberIds: page.map((member) => member.id),
        action: 'member.list',
        detail: q ? `search:${q}` : 'browse',
        ip: ctx.ip,
      });
      const body: AdminMemberPageDto = {
        members: page.map((member) => presentAdminMemberSummary(ctx.system.config, member)),
        nextCursor: rows.length > pageSize ? page[page.length - 1]!.id : null,
      };
      ctx.body = body;
    }),
  );

  router.get(
    '/:id',
    limit,
    staffAuth('members.read'),
    validate(IdSchema, async (ctx) => {
      const manager = ctx.system.dataSource.manager;
      const member = await manager.getRepository(Member).findOneBy({ id: ctx.input.params.id });
      if (!member) throw errors.notFound('member_not_found', '找不到这位会员');
      const children = hasGuardianConsent(ctx.system.config, member) ? await manager.getRepository(Child).findBy({ memberId: member.id }) : [];
      const stats = await loadStats(manager, member.id, new Date());
      await recordAudit(manager, { staffId: currentStaff(ctx).id, memberIds: [member.id], action: 'member.view', detail: 'profile,stats,children', ip: ctx.ip });
      ctx.body = presentAdminMemberDetail(ctx.system.config, member, stats, children);
    }),
  );

  router.get(
    '/:id/points-entries',
    limit,
    staffAuth('members.read'),
    validate(EntriesSchema, async (ctx) => {
      const { before, limit: pageSize } = ctx.input.query;
      const manager = ctx.system.dataSource.manager;
      const member = await manager.getRepository(Member).findOneBy({ id: ctx.input.params.id });
      if (!member) throw errors.notFound('member_not_found', '找不到这位会员');
      const entries = await manager.getRepository(PointsEntry).find({
        where: { memberId: member.id, ...(before ? { id: LessThan(before) } : {}) },
        order: { id: 'DESC' },
        take: pageSize + 1,
      });
      await recordAudit(manager, { staffId: currentStaff(ctx).id, memberIds: [member.id], action: 'member.view', detail: 'points ledger', ip: ctx.ip });
      const page = entries.slice(0, pageSize);
      ctx.body = {
        balance: member.pointsBalance,
        expiringSoon: await expiringSoon(manager, ctx.system.config, member.id, new Date()),
        entries: page.map(presentPointsEntry),
        nextCursor: entries.length > pageSize ? page[page.length - 1]!.id : null,
      } satisfies PointsEntriesPageDto;
    }),
  );

  router.post(
    '/:id/reveal-phone',
    rateLimit({ name: 'admin-reveal-phone', points: 20, durationSeconds: 60 }),
    staffAuth('members.revealPhone'),
    validate(IdSchema, async (ctx) => {
      const manager = ctx.system.dataSource.manager;
      const member = await manager.getRepository(Member).findOneBy({ id: ctx.input.params.id });
      if (!member) throw errors.notFound('member_not_found', '找不到这位会员');
      await recordAudit(manager, { staffId: currentStaff(ctx).id, memberIds: [member.id], action: 'member.reveal_phone', ip: ctx.ip });
      const body: RevealedPhoneDto = { phone: member.phoneSealed ? new PhoneVault(ctx.system.config.security.signingSecret).reveal(member.phoneSealed) : null };
      ctx.set('Cache-Control', 'no-store');
      ctx.body = body;
    }),
  );

  router.post(
    '/:id/points-adjustments',
    limit,
    staffAuth('points.adjust'),
    validate(AdjustSchema, async (ctx) => {
      const { delta, note, idempotencyKey: key } = ctx.input.body;
      ctx.body = await pointsAdjuster({
        system: ctx.system,
        memberId: ctx.input.params.id,
        staffId: currentStaff(ctx).id,
        delta,
        note,
        idempotencyKey: key,
        ip: ctx.ip,
        now: new Date(),
      });
    }),
  );
  return router;
}
