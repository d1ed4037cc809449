import { MoreThan } from 'typeorm';
import { errors } from '../app/errors';
import type { AppContext, AppMiddleware } from '../app/appTypes';
import { currentMember } from '../members/memberAuth';
import { tokenHash } from '../security/secretTokens';
import { can } from './permissions';
import type { Permission } from './permissions';
import { StaffAccount } from './StaffAccount';
import { StaffSession } from './StaffSession';

/** The admin console's session cookie. */
export const STAFF_COOKIE = 'toyclub_staff';

interface StaffAuthState {
  staff?: StaffAccount;
}

function authorize(ctx: AppContext, staff: StaffAccount, permission: Permission | null): void {
  if (permission && !can(staff.role, permission)) throw errors.forbidden('permission_denied', '您的角色没有执行此操作的权限');
  (ctx.state as StaffAuthState).staff = staff;
}

/**
 * Authenticates the admin console by its httpOnly session cookie and checks that the
 * staff member's role grants `permission` (null: any signed-in staff member).
 */
export function staffAuth(permission: Permission | null): AppMiddleware {
  return async (ctx, next) => {
    const token = ctx.cookies.get(STAFF_COOKIE);
    if (!token) throw errors.unauthorized('staff_session_required', '请先登录管理后台');
    const repository = ctx.system.dataSource.getRepository(StaffSession);
    const session = await repository.findOneBy({ tokenHash: tokenHash(token), expiresAt: MoreThan(new Date()) });
    const staff = session ? await ctx.system.dataSource.getRepository(StaffAccount).findOneBy({ id: session.staffId }) : null;
    if (!staff?.active) throw errors.unauthorized('staff_session_expired', '登录已过期，请重新登录');
    authorize(ctx, staff, permission);
    await next();
  };
}

/**
 * For 店员模式 in the mini-program: the signed-in member (after `memberAuth`) must be
 * bound to an active staff account whose role grants `permission`.
 */
export function memberStaffAuth(permission: Permission): AppMiddleware {
  return async (ctx, next) => {
    const member = currentMember(ctx);
    const staff = await ctx.system.dataSource.getRepository(StaffAccount).findOneBy({ memberId: member.id, active: true });
    if (!staff) throw errors.forbidden('not_staff', '当前微信未绑定店员账号');
    authorize(ctx, staff, permission);
    await next();
  };
}

/** The authenticated staff member (after {@link staffAuth} or {@link memberStaffAuth}). */
export function currentStaff(ctx: AppContext): StaffAccount {
  const staff = (ctx.state as StaffAuthState).staff;
  if (!staff) throw new Error('staff authentication did not run');
  return staff;
}
