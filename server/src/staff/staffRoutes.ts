import Router from '@koa/router';
import { z } from 'zod';
import type { StaffListDto, StaffRole } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { runInTransaction } from '../db/runInTransaction';
import { hashPassword, passwordProblem } from './passwords';
import { can, manageableRoles } from './permissions';
import { presentStaff } from './presentStaff';
import { StaffAccount } from './StaffAccount';
import { staffAccountCreator } from './staffAccountCreator';
import { currentStaff, staffAuth } from './staffAuth';
import { issueBindingCode } from './staffBinding';
import { StaffSession } from './StaffSession';
import { numericId as id } from '../app/numericId';

const role = z.enum(['owner', 'manager', 'clerk']);
const CreateSchema = z.object({
  body: z.object({
    username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名须为 3-32 位字母、数字或 _.-'),
    displayName: z.string().trim().min(1).max(32),
    password: z.string().min(1).max(128),
    role,
    storeId: id.nullable().optional(),
  }),
});
const UpdateSchema = z.object({
  params: z.object({ id }),
  body: z.object({ active: z.boolean().optional(), role: role.optional(), password: z.string().min(1).max(128).optional(), storeId: id.nullable().optional() }),
});
const IdSchema = z.object({ params: z.object({ id }) });

function requireManageable(actorRole: StaffRole, ...roles: StaffRole[]): void {
  const allowed = manageableRoles(actorRole);
  if (!roles.every((target) => allowed.includes(target))) throw errors.forbidden('permission_denied', '您的角色不能管理这个角色的账号');
}

/** Staff accounts: list, create, change, and one-time mini-program binding codes. */
export function staffRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/staff' });
  const limit = rateLimit({ name: 'admin-staff', points: 60, durationSeconds: 60 });

  router.get('/', limit, staffAuth('staff.manage'), async (ctx) => {
    const staff = await ctx.system.dataSource.getRepository(StaffAccount).find({ order: { id: 'ASC' } });
    ctx.body = { staff: staff.map(presentStaff) } satisfies StaffListDto;
  });

  router.post(
    '/',
    limit,
    staffAuth('staff.manage'),
    validate(CreateSchema, async (ctx) => {
      const body = ctx.input.body;
      requireManageable(currentStaff(ctx).role, body.role);
      const staff = await staffAccountCreator({ system: ctx.system, ...body, storeId: body.storeId ?? null });
      ctx.status = 201;
      ctx.body = presentStaff(staff);
    }),
  );

  router.patch(
    '/:id',
    limit,
    staffAuth('staff.manage'),
    validate(UpdateSchema, async (ctx) => {
      const actor = currentStaff(ctx);
      const { body } = ctx.input;
      if (body.password !== undefined && passwordProblem(body.password)) throw errors.badRequest('weak_password', passwordProblem(body.password)!);
      const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
      ctx.body = await runInTransaction(ctx.system.dataSource, async (manager) => {
        const repository = manager.getRepository(StaffAccount);
        const staff = await repository.findOne({ where: { id: ctx.input.params.id }, lock: { mode: 'pessimistic_write' } });
        if (!staff) throw errors.notFound('staff_not_found', '找不到这个店员账号');
        requireManageable(actor.role, staff.role, body.role ?? staff.role);
        if (staff.id === actor.id && (body.active === false || (body.role && body.role !== staff.role))) {
          throw errors.badRequest('cannot_change_self', '不能停用自己或修改自己的角色');
        }
        Object.assign(staff, {
          ...(body.active === undefined ? {} : { active: body.active }),
          ...(body.role ? { role: body.role } : {}),
          ...(body.storeId === undefined ? {} : { storeId: body.storeId }),
          ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
        });
        await repository.save(staff);
        // A deactivated account or a new password ends every open session.
        if (body.active === false || passwordHash) await manager.getRepository(StaffSession).delete({ staffId: staff.id });
        return presentStaff(staff);
      });
    }),
  );

  router.post(
    '/:id/binding-code',
    limit,
    staffAuth(null),
    validate(IdSchema, async (ctx) => {
      const actor = currentStaff(ctx);
      const target = await ctx.system.dataSource.getRepository(StaffAccount).findOneBy({ id: ctx.input.params.id });
      if (!target?.active) throw errors.notFound('staff_not_found', '找不到这个店员账号');
      if (target.id !== actor.id) {
        if (!can(actor.role, 'staff.manage')) throw errors.forbidden('permission_denied', '您的角色没有执行此操作的权限');
        requireManageable(actor.role, target.role);
      }
      ctx.status = 201;
      ctx.body = await issueBindingCode({ system: ctx.system, staffId: target.id, createdByStaffId: actor.id, now: new Date() });
    }),
  );
  return router;
}
