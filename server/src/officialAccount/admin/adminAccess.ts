import type { DataSource, EntityManager } from 'typeorm';
import { errors } from '../../app/errors';
import type { AppContext, AppMiddleware } from '../../app/appTypes';
import { AuditEntry } from '../../audit/AuditEntry';
import { currentStaff, staffAuth } from '../../staff/staffAuth';

/** What the official-account and catalogue admin routes record in the audit log. */
export type AdminAction =
  | 'catalogue.import'
  | 'auto_reply.create'
  | 'auto_reply.update'
  | 'auto_reply.delete'
  | 'oa.menu_publish'
  | 'oa.store_qrcode'
  | 'oa.channel_qrcode';

/**
 * The staff session (the members feature's cookie authentication), restricted to owners
 * and managers: the roles that run the store's catalogue and official account.
 */
export function ownerOrManager(): AppMiddleware[] {
  const roleCheck: AppMiddleware = async (ctx, next) => {
    const staff = currentStaff(ctx);
    if (staff.role !== 'owner' && staff.role !== 'manager') throw errors.forbidden('permission_denied', '只有店主和店长可以执行此操作');
    await next();
  };
  return [staffAuth(null), roleCheck];
}

/**
 * Writes an audit entry for an admin action that concerns no one member (the audit log's
 * `member_id` stays null). Written in the action's transaction when given its manager.
 */
export async function recordAdminAction(db: DataSource | EntityManager, ctx: AppContext, action: AdminAction, detail: string): Promise<void> {
  await db.getRepository(AuditEntry).insert({
    staffId: currentStaff(ctx).id,
    memberId: null,
    action,
    detail: detail.slice(0, 255),
    ip: ctx.ip.slice(0, 64),
    createdAt: new Date(),
  });
}
