import type { PointsEntryDto } from '@toyclub/shared';
import { POINTS_REASON_LABELS } from '@toyclub/shared';
import type { PointsEntry } from './PointsEntry';

/** A ledger entry as the member sees it (staff ids stay internal). */
export function presentPointsEntry(entry: PointsEntry): PointsEntryDto {
  return {
    id: entry.id,
    delta: entry.delta,
    balanceAfter: entry.balanceAfter,
    reason: entry.reason,
    reasonLabel: POINTS_REASON_LABELS[entry.reason],
    refType: entry.refType,
    refId: entry.refId,
    note: entry.note,
    expiresAt: entry.expiresAt && entry.delta > 0 ? entry.expiresAt.toISOString() : null,
    createdAt: entry.createdAt.toISOString(),
  };
}
