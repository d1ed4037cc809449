import type { EntityManager } from 'typeorm';
import type { PointsReason } from '@toyclub/shared';
import { errors } from '../app/errors';
import type { Member } from '../members/Member';
import { PointsEntry } from './PointsEntry';

/** One posting to the ledger. The member must be locked by the caller ({@link lockMember}). */
export interface PointsPosting {
  manager: EntityManager;
  member: Member;
  points: number;
  reason: PointsReason;
  refType?: string | null;
  refId?: string | null;
  staffId?: string | null;
  note?: string | null;
  idempotencyKey?: string | null;
  now: Date;
}

/** A credit also opens an expiry lot that lasts until `expiresAt`. */
export interface PointsCredit extends PointsPosting {
  expiresAt: Date;
}

/** A debit consumes lots oldest-expiry-first; `preferLotId` (a refunded purchase's own credit) goes first. */
export interface PointsDebit extends PointsPosting {
  preferLotId?: string | null;
}

async function append(posting: PointsPosting, delta: number, expiresAt: Date | null): Promise<PointsEntry> {
  const { manager, member } = posting;
  const balanceAfter = member.pointsBalance + delta;
  const entry = manager.getRepository(PointsEntry).create({
    memberId: member.id,
    delta,
    balanceAfter,
    reason: posting.reason,
    refType: posting.refType ?? null,
    refId: posting.refId ?? null,
    staffId: posting.staffId ?? null,
    note: posting.note ?? null,
    idempotencyKey: posting.idempotencyKey ?? null,
    expiresAt,
    remaining: delta > 0 ? delta : 0,
    createdAt: posting.now,
  });
  // No read-back of generated columns: every column is set here, and the id comes from insertId.
  const inserted = await manager.createQueryBuilder().insert().into(PointsEntry).values(entry).updateEntity(false).execute();
  entry.id = String((inserted.raw as { insertId: number | string }).insertId);
  // The cached balance moves in the same transaction as the entry, so it always equals their sum.
  await manager.query('UPDATE members SET points_balance = ? WHERE id = ?', [balanceAfter, member.id]);
  member.pointsBalance = balanceAfter;
  return entry;
}

/** Credits `points` (> 0) to the locked member. */
export async function creditPoints(credit: PointsCredit): Promise<PointsEntry> {
  if (!Number.isInteger(credit.points) || credit.points <= 0) throw new Error('a credit must be a positive integer');
  return append(credit, credit.points, credit.expiresAt);
}

/**
 * Debits `points` (> 0) from the locked member, consuming expiry lots so that what
 * remains of the lots always adds up to the balance. Refuses with
 * `insufficient_points` rather than let the balance go below zero.
 */
export async function debitPoints(debit: PointsDebit): Promise<PointsEntry> {
  const { manager, member, points } = debit;
  if (!Number.isInteger(points) || points <= 0) throw new Error('a debit must be a positive integer');
  if (points > member.pointsBalance) throw errors.conflict('insufficient_points', '积分不足');
  const lots = (await manager.query(
    `SELECT id, remaining FROM points_entries
      WHERE member_id = ? AND remaining > 0
      ORDER BY (id = ?) DESC, expires_at ASC, id ASC`,
    [member.id, debit.preferLotId ?? 0],
  )) as Array<{ id: string; remaining: number }>;
  let left = points;
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(left, Number(lot.remaining));
    await manager.query('UPDATE points_entries SET remaining = remaining - ? WHERE id = ?', [take, lot.id]);
    left -= take;
  }
  if (left > 0) throw new Error(`ledger lots of member ${member.id} do not cover the balance`);
  return append(debit, -points, null);
}

/** The points a purchase earns: store rule (per yuan) × tier multiplier, rounded down. */
export function pointsForAmount(amountFen: number, perYuan: number, multiplierPercent: number): number {
  return Math.floor((amountFen * perYuan * multiplierPercent) / 10_000);
}

/** When points credited at `now` expire. */
export function expiryFor(now: Date, expiryMonths: number): Date {
  const expires = new Date(now);
  expires.setUTCMonth(expires.getUTCMonth() + expiryMonths);
  return expires;
}
