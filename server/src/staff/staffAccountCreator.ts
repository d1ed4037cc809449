import type { StaffRole } from '@toyclub/shared';
import { errors } from '../app/errors';
import { isDuplicateKey } from '../db/runInTransaction';
import type { System } from '../system/System';
import { Store } from '../stores/Store';
import { hashPassword, passwordProblem } from './passwords';
import { StaffAccount } from './StaffAccount';

/** Creates a staff account; the username is unique and the password must meet the policy. */
export async function staffAccountCreator(options: {
  system: System;
  username: string;
  displayName: string;
  password: string;
  role: StaffRole;
  storeId: string | null;
}): Promise<StaffAccount> {
  const { system, username, role, storeId } = options;
  const problem = passwordProblem(options.password);
  if (problem) throw errors.badRequest('weak_password', problem);
  if (storeId && !(await system.dataSource.getRepository(Store).existsBy({ id: storeId }))) {
    throw errors.notFound('store_not_found', '找不到这家门店');
  }
  const repository = system.dataSource.getRepository(StaffAccount);
  const staff = repository.create({
    username,
    displayName: options.displayName,
    passwordHash: await hashPassword(options.password),
    role,
    storeId,
    memberId: null,
    active: true,
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: null,
  });
  try {
    await repository.insert(staff);
  } catch (error) {
    if (isDuplicateKey(error)) throw errors.conflict('username_taken', '这个用户名已被使用');
    throw error;
  }
  return staff;
}
