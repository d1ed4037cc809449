import type { EntityManager } from 'typeorm';
import { AppError } from '../app/AppError';
import { errors } from '../app/errors';
import { isDuplicateKey, runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import { removeRefundFromStats } from '../members/memberStatsRecorder';
import { debitPoints } from '../points/pointsLedger';
import { PointsEntry } from '../points/PointsEntry';
import type { System } from '../system/System';
import { Purchase } from './Purchase';
import type { PurchaseSource } from './Purchase';
import { Refund } from './Refund';
import { scheduleMemberRetag } from '../tags/scheduleMemberRetag';

/** A refund as a till or POS reports it. */
export interface RefundCommand {
  system: System;
  purchaseId: string;
  /** The store the caller acts for; null lets an owner refund at any store. */
  storeId: string | null;
  source: PurchaseSource;
  idempotencyKey: string;
  requestHash: string;
  amountFen: number | undefined;
  staffId: string | null;
  now: Date;
}

/** The refund and the member's balance after it. */
export interface RecordedRefund {
  refund: Refund;
  balanceAfter: number | null;
  /** The member whose tags this new refund may change (absent on a replay). */
  retagMemberId?: string;
}

async function replay(manager: EntityManager, refund: Refund, requestHash: string): Promise<RecordedRefund> {
  if (refund.requestHash !== requestHash) throw errors.conflict('idempotency_key_reused', '这个幂等键已用于另一笔不同的退款');
  const entry = await manager.getRepository(PointsEntry).findOneBy({ reason: 'refund', refType: 'refund', refId: refund.id });
  return { refund, balanceAfter: entry?.balanceAfter ?? null };
}

/** The points a refund takes back: proportional to the amount, the last refund taking whatever is left. */
function pointsToReverse(purchase: Purchase, amountFen: number): number {
  const refundedAfter = purchase.refundedFen + amountFen;
  const owedAfter =
    refundedAfter >= purchase.amountFen ? purchase.pointsEarned : Math.floor((purchase.pointsEarned * refundedAfter) / purchase.amountFen);
  return Math.max(0, owedAfter - purchase.pointsReversed);
}

/**
 * Refunds (part of) a purchase: locks the purchase, records the refund (its unique
 * idempotency key makes a duplicate replay the first), and takes back exactly the
 * points that part earned — but never more than the member still has, so the balance
 * never goes negative; what could not be taken back is recorded as the shortfall.
 */
export async function refundRecorder(command: RefundCommand): Promise<RecordedRefund> {
  const recorded = await recordRefund(command);
  // Dynamic tags follow after the commit, in a job: see scheduleMemberRetag.
  if (recorded.retagMemberId) await scheduleMemberRetag(command.system, recorded.retagMemberId);
  return recorded;
}

async function recordRefund(command: RefundCommand): Promise<RecordedRefund> {
  const { system, now } = command;
  const key = { storeId: '', source: command.source, idempotencyKey: command.idempotencyKey };
  try {
    return await runInTransaction(system.dataSource, async (manager) => {
      const purchase = await manager.getRepository(Purchase).findOne({ where: { id: command.purchaseId }, lock: { mode: 'pessimistic_write' } });
      if (!purchase || (command.storeId !== null && purchase.storeId !== command.storeId)) {
        throw errors.notFound('purchase_not_found', '找不到这笔消费');
      }
      key.storeId = purchase.storeId;
      const earlier = await manager.getRepository(Refund).findOneBy(key);
      if (earlier) return replay(manager, earlier, command.requestHash);
      const left = purchase.amountFen - purchase.refundedFen;
      const amountFen = command.amountFen ?? left;
      if (left <= 0) throw errors.conflict('purchase_fully_refunded', '这笔消费已全额退款');
      if (amountFen > left) throw errors.unprocessable('refund_exceeds_purchase', `退款金额超过可退金额（剩余 ${left} 分）`);
      const owed = pointsToReverse(purchase, amountFen);
      const refund = manager.getRepository(Refund).create({
        ...key,
        purchaseId: purchase.id,
        requestHash: command.requestHash,
        amountFen,
        pointsReversed: 0,
        pointsShortfall: 0,
        staffId: command.staffId,
        createdAt: now,
      });
      await manager.getRepository(Refund).insert(refund);
      // Updated before the statistics, which recompute their windows from the purchases.
      await manager.query('UPDATE purchases SET refunded_fen = refunded_fen + ?, points_reversed = points_reversed + ? WHERE id = ?', [amountFen, owed, purchase.id]);
      let balanceAfter: number | null = null;
      let retagMemberId: string | undefined;
      if (purchase.memberId) {
        // A member who deleted their account keeps no balance to take points from.
        const member = await lockMember(manager, purchase.memberId).catch((error: unknown) => {
          if (error instanceof AppError) return null;
          throw error;
        });
        if (member) {
          const taken = Math.min(owed, member.pointsBalance);
          if (taken > 0) {
            const lot = await manager.getRepository(PointsEntry).findOneBy({ reason: 'purchase', refType: 'purchase', refId: purchase.id });
            await debitPoints({ manager, member, points: taken, reason: 'refund', refType: 'refund', refId: refund.id, preferLotId: lot?.id, now });
          }
          refund.pointsReversed = taken;
          refund.pointsShortfall = owed - taken;
          balanceAfter = member.pointsBalance;
          retagMemberId = member.id;
          const fullyRefunded = purchase.refundedFen + amountFen >= purchase.amountFen;
          await removeRefundFromStats({ manager, memberId: member.id, refundFen: amountFen, fullyRefunded, now });
        }
      }
      await manager.query('UPDATE refunds SET points_reversed = ?, points_shortfall = ? WHERE id = ?', [refund.pointsReversed, refund.pointsShortfall, refund.id]);
      return { refund, balanceAfter, retagMemberId };
    });
  } catch (error) {
    if (!isDuplicateKey(error) || !key.storeId) throw error;
    const earlier = await system.dataSource.getRepository(Refund).findOneBy(key);
    if (!earlier) throw error;
    return replay(system.dataSource.manager, earlier, command.requestHash);
  }
}
