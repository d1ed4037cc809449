import Router from '@koa/router';
import { In } from 'typeorm';
import { z } from 'zod';
import type { AuditPageDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { StaffAccount } from '../staff/StaffAccount';
import { staffAuth } from '../staff/staffAuth';
import { AuditEntry } from './AuditEntry';
import { numericId as id } from '../app/numericId';

const AuditSchema = z.object({
  query: z.object({
    before: id.optional(),
    memberId: id.optional(),
    staffId: id.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
});

/** `GET /api/admin/audit`: who read which member's data, newest first (owners only). */
export function auditRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/audit' });
  router.get(
    '/',
    rateLimit({ name: 'admin-audit', points: 60, durationSeconds: 60 }),
    staffAuth('audit.read'),
    validate(AuditSchema, async (ctx) => {
      const { before, memberId, staffId, limit } = ctx.input.query;
      const query = ctx.system.dataSource.getRepository(AuditEntry).createQueryBuilder('a').orderBy('a.id', 'DESC').take(limit + 1);
      if (before) query.andWhere('a.id < :before', { before });
      if (memberId) query.andWhere('a.member_id = :memberId', { memberId });
      if (staffId) query.andWhere('a.staff_id = :staffId', { staffId });
      const rows = await query.getMany();
      const page = rows.slice(0, limit);
      const staffIds = [...new Set(page.map((entry) => entry.staffId))];
      const staff = staffIds.length ? await ctx.system.dataSource.getRepository(StaffAccount).findBy({ id: In(staffIds) }) : [];
      const usernames = new Map(staff.map((account) => [account.id, account.username]));
      const body: AuditPageDto = {
        entries: page.map((entry) => ({
          id: entry.id,
          staffId: entry.staffId,
          staffUsername: usernames.get(entry.staffId) ?? null,
          memberId: entry.memberId,
          action: entry.action,
          detail: entry.detail,
          ip: entry.ip,
          createdAt: entry.createdAt.toISOString(),
        })),
        nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
      };
      ctx.body = body;
    }),
  );
  return router;
}
