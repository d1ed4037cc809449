import type { PointsEntryDto } from '@toyclub/shared';
import { errors } from '../app/errors';
import { recordAudit } from '../audit/auditLog';
import { isDuplicateKey, runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import type { System } from '../system/System';
import { creditPoints, debitPoints, expiryFor } from './pointsLedger';
import { PointsEntry } from './PointsEntry';
import { presentPointsEntry } from './presentPointsEntry';

/**
 * A manual adjustment by a staff member, with their id and a note on the entry and an
 * audit entry; the idempotency key (unique per member) applies it once however often
 * the console retries. A debit never takes the balance below zero.
 */
export async function pointsAdjuster(options: {
  system: System;
  memberId: string;
  staffId: string;
  delta: number;
  note: string;
  idempotencyKey: string;
  ip: string;
  now: Date;
}): Promise<PointsEntryDto> {
  const { system, memberId, staffId, delta, note, idempotencyKey, now } = options;
  const replay = async (manager = system.dataSource.manager) => {
    const entry = await manager.getRepository(PointsEntry).findOneBy({ memberId, idempotencyKey });
    if (entry && (entry.delta !== delta || entry.note !== note)) throw errors.conflict('idempotency_key_reused', '这个幂等键已用于另一次调整');
    return entry;
  };
  try {
    return await runInTransaction(system.dataSource, async (manager) => {
      const member = await lockMember(manager, memberId);
      // Checked under the member lock, so concurrent retries queue here and replay.
      const earlier = await replay(manager);
      if (earlier) return presentPointsEntry(earlier);
      const posting = { manager, member, reason: 'adjustment' as const, staffId, note, idempotencyKey, now };
      const entry =
        delta > 0
          ? await creditPoints({ ...posting, points: delta, expiresAt: expiryFor(now, system.config.points.expiryMonths) })
          : await debitPoints({ ...posting, points: -delta });
      await recordAudit(manager, { staffId, memberIds: [memberId], action: 'member.points_adjust', detail: `${delta} ${note}`, ip: options.ip, now });
      return presentPointsEntry(entry);
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const entry = await replay();
    if (!entry) throw error;
    return presentPointsEntry(entry);
  }
}
