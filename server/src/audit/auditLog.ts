import type { EntityManager } from 'typeorm';
import { AuditEntry } from './AuditEntry';

/** What staff did with members' personal data. */
export type AuditAction =
  | 'member.list'
  | 'member.view'
  | 'member.reveal_phone'
  | 'member.card_scan'
  | 'member.points_adjust'
  | 'member.export'
  | 'member.tag_add'
  | 'member.tag_remove';

/**
 * Writes one audit entry per member whose personal data a staff member read or
 * changed. Written before the data is returned: a read that cannot be audited fails.
 */
export async function recordAudit(
  manager: EntityManager,
  entry: { staffId: string; memberIds: string[]; action: AuditAction; detail?: string; ip: string; now?: Date },
): Promise<void> {
  if (entry.memberIds.length === 0) return;
  const createdAt = entry.now ?? new Date();
  await manager.getRepository(AuditEntry).insert(
    entry.memberIds.map((memberId) => ({
      staffId: entry.staffId,
      memberId,
      action: entry.action,
      detail: (entry.detail ?? '').slice(0, 255),
      ip: entry.ip.slice(0, 64),
      createdAt,
    })),
  );
}
