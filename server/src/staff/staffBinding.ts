import { IsNull, MoreThan } from 'typeorm';
import type { BindingCodeDto } from '@toyclub/shared';
import { errors } from '../app/errors';
import { isDuplicateKey, runInTransaction } from '../db/runInTransaction';
import { humanCode, tokenHash } from '../security/secretTokens';
import type { System } from '../system/System';
import { StaffAccount } from './StaffAccount';
import { StaffBindingCode } from './StaffBindingCode';

/** Issues a one-time code that binds `staffId` to the mini-program identity that redeems it. */
export async function issueBindingCode(options: { system: System; staffId: string; createdByStaffId: string; now: Date }): Promise<BindingCodeDto> {
  const { system, now } = options;
  const code = humanCode(8);
  const expiresAt = new Date(now.getTime() + system.config.staff.bindingCodeTtlMinutes * 60_000);
  await system.dataSource.getRepository(StaffBindingCode).insert({
    staffId: options.staffId,
    codeHash: tokenHash(code),
    expiresAt,
    usedAt: null,
    createdByStaffId: options.createdByStaffId,
    createdAt: now,
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

/**
 * Redeems a binding code for the signed-in member: the code is used once (guarded
 * update), and the staff account is linked to this member (a member can be bound to
 * one account only; rebinding an account replaces its previous identity).
 */
export async function redeemBindingCode(options: { system: System; memberId: string; code: string; now: Date }): Promise<StaffAccount> {
  const { system, memberId, now } = options;
  const codeHash = tokenHash(options.code.trim().toUpperCase());
  try {
    return await runInTransaction(system.dataSource, async (manager) => {
      const used = await manager
        .getRepository(StaffBindingCode)
        .update({ codeHash, usedAt: IsNull(), expiresAt: MoreThan(now) }, { usedAt: now });
      if (used.affected !== 1) throw errors.badRequest('binding_code_invalid', '绑定码无效、已过期或已使用');
      const binding = await manager.getRepository(StaffBindingCode).findOneByOrFail({ codeHash });
      const staff = await manager.getRepository(StaffAccount).findOneOrFail({ where: { id: binding.staffId }, lock: { mode: 'pessimistic_write' } });
      if (!staff.active) throw errors.badRequest('binding_code_invalid', '绑定码无效、已过期或已使用');
      await manager.getRepository(StaffAccount).update({ id: staff.id }, { memberId });
      staff.memberId = memberId;
      return staff;
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw errors.conflict('already_bound', '这个微信已绑定另一个店员账号');
    throw error;
  }
}
