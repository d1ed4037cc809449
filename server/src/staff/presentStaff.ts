import type { StaffAccountDto } from '@toyclub/shared';
import { ROLE_PERMISSIONS } from './permissions';
import type { StaffAccount } from './StaffAccount';

/** A staff account as the console sees it (never the password hash or lock-out state). */
export function presentStaff(staff: StaffAccount): StaffAccountDto {
  return {
    id: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    role: staff.role,
    storeId: staff.storeId,
    active: staff.active,
    boundToMiniProgram: staff.memberId !== null,
    permissions: [...ROLE_PERMISSIONS[staff.role]],
  };
}
