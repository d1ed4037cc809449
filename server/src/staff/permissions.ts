import type { StaffRole } from '@toyclub/shared';

/** Everything a staff route may require. */
export const PERMISSIONS = [
  'members.scan',
  'members.read',
  'members.revealPhone',
  'audit.read',
  'purchases.record',
  'purchases.refund',
  'points.adjust',
  'rewards.manage',
  'redemptions.fulfil',
  'staff.manage',
  'stores.manage',
  'segments.manage',
  'campaigns.manage',
  'tags.manage',
] as const;

/** One of {@link PERMISSIONS}. */
export type Permission = (typeof PERMISSIONS)[number];

// Recording a purchase without a card also creates its receipt claim code.
const CLERK: Permission[] = ['members.scan', 'purchases.record', 'redemptions.fulfil'];
const MANAGER: Permission[] = [...CLERK, 'members.read', 'purchases.refund', 'points.adjust', 'rewards.manage', 'staff.manage', 'segments.manage', 'campaigns.manage', 'tags.manage'];

/**
 * What each role may do. Only owners reveal phone numbers, read the audit log and
 * manage stores (POS keys, check-in codes); managers manage clerks but not owners.
 */
export const ROLE_PERMISSIONS: Record<StaffRole, ReadonlySet<Permission>> = {
  owner: new Set(PERMISSIONS),
  manager: new Set(MANAGER),
  clerk: new Set(CLERK),
};

/** True when `role` grants `permission`. */
export function can(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** The roles a staff member of `role` may create or change. */
export function manageableRoles(role: StaffRole): StaffRole[] {
  if (role === 'owner') return ['owner', 'manager', 'clerk'];
  if (role === 'manager') return ['clerk'];
  return [];
}
