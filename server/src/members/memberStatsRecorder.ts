import type { EntityManager } from 'typeorm';
import { MemberStats } from './MemberStats';
import { DAY_MS } from '../time/dayMs';

/** Windows older than this are recomputed from the purchases instead of adjusted in place. */
const WINDOW_REFRESH_MS = 3_600_000;

/** Inputs shared by the statistics updates; the member must be locked by the caller. */
interface StatsChange {
  manager: EntityManager;
  memberId: string;
  now: Date;
}

function emptyStats(memberId: string, now: Date): MemberStats {
  return Object.assign(new MemberStats(), {
    memberId,
    firstPurchaseAt: null,
    lastPurchaseAt: null,
    purchaseCount: 0,
    totalSpendFen: 0,
    averageTicketFen: 0,
    averageIntervalDays: null,
    count90d: 0,
    spend90dFen: 0,
    count365d: 0,
    spend365dFen: 0,
    windowsAsOf: now,
  });
}

/**
 * The averages derived from the running figures: ticket floored to the fen, interval
 * between first and last purchase to 2 decimals (null before a second purchase). Shared
 * with the nightly recompute (memberStatsAudit), so that both derive them alike.
 */
export function statsAverages(
  figures: Pick<MemberStats, 'purchaseCount' | 'totalSpendFen' | 'firstPurchaseAt' | 'lastPurchaseAt'>,
): Pick<MemberStats, 'averageTicketFen' | 'averageIntervalDays'> {
  const { purchaseCount, totalSpendFen, firstPurchaseAt, lastPurchaseAt } = figures;
  const span = firstPurchaseAt && lastPurchaseAt ? lastPurchaseAt.getTime() - firstPurchaseAt.getTime() : 0;
  return {
    averageTicketFen: purchaseCount > 0 ? Math.floor(totalSpendFen / purchaseCount) : 0,
    averageIntervalDays: purchaseCount > 1 ? Math.round((span / DAY_MS / (purchaseCount - 1)) * 100) / 100 : null,
  };
}

function deriveAverages(stats: MemberStats): void {
  Object.assign(stats, statsAverages(stats));
}

/** Writes the statistics row in one statement (no read-back, unlike `save`). */
export async function storeStats(manager: EntityManager, stats: MemberStats): Promise<void> {
  await manager.query(
    `INSERT INTO member_stats (member_id, first_purchase_at, last_purchase_at, purchase_count, total_spend_fen, average_ticket_fen,
        average_interval_days, count_90d, spend_90d_fen, count_365d, spend_365d_fen, windows_as_of)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE first_purchase_at = VALUES(first_purchase_at), last_purchase_at = VALUES(last_purchase_at),
        purchase_count = VALUES(purchase_count), total_spend_fen = VALUES(total_spend_fen), average_ticket_fen = VALUES(average_ticket_fen),
        average_interval_days = VALUES(average_interval_days), count_90d = VALUES(count_90d), spend_90d_fen = VALUES(spend_90d_fen),
        count_365d = VALUES(count_365d), spend_365d_fen = VALUES(spend_365d_fen), windows_as_of = VALUES(windows_as_of)`,
    [
      stats.memberId,
      stats.firstPurchaseAt,
      stats.lastPurchaseAt,
      stats.purchaseCount,
      stats.totalSpendFen,
      stats.averageTicketFen,
      stats.averageIntervalDays,
      stats.count90d,
      stats.spend90dFen,
      stats.count365d,
      stats.spend365dFen,
      stats.windowsAsOf,
    ],
  );
}

/** Loads the member's statistics row, or a fresh one. */
export async function loadStats(manager: EntityManager, memberId: string, now: Date): Promise<MemberStats> {
  return (await manager.getRepository(MemberStats).findOneBy({ memberId })) ?? emptyStats(memberId, now);
}

/**
 * Recomputes the 90- and 365-day windows exactly from the member's purchases (net of
 * refunds, fully refunded ones left out). Cheap: it reads a covering index range.
 */
export async function recomputeWindows(manager: EntityManager, stats: MemberStats, now: Date): Promise<void> {
  const since90 = new Date(now.getTime() - 90 * DAY_MS);
  const since365 = new Date(now.getTime() - 365 * DAY_MS);
  const [row] = (await manager.query(
    `SELECT COALESCE(SUM(purchased_at >= ?), 0) AS c90,
            COALESCE(SUM(IF(purchased_at >= ?, amount_fen - refunded_fen, 0)), 0) AS s90,
            COUNT(*) AS c365, COALESCE(SUM(amount_fen - refunded_fen), 0) AS s365
       FROM purchases
      WHERE member_id = ? AND purchased_at >= ? AND purchased_at <= ? AND refunded_fen < amount_fen`,
    [since90, since90, stats.memberId, since365, now],
  )) as Array<{ c90: string; s90: string; c365: string; s365: string }>;
  stats.count90d = Number(row?.c90 ?? 0);
  stats.spend90dFen = Number(row?.s90 ?? 0);
  stats.count365d = Number(row?.c365 ?? 0);
  stats.spend365dFen = Number(row?.s365 ?? 0);
  stats.windowsAsOf = now;
}

function windowsAreFresh(stats: MemberStats, now: Date): boolean {
  return now.getTime() - stats.windowsAsOf.getTime() < WINDOW_REFRESH_MS;
}

/** Adds a newly credited purchase to the member's statistics, in the purchase's transaction. */
export async function addPurchaseToStats(change: StatsChange & { amountFen: number; purchasedAt: Date }): Promise<MemberStats> {
  const { manager, memberId, now, amountFen, purchasedAt } = change;
  const stats = await loadStats(manager, memberId, now);
  stats.purchaseCount += 1;
  stats.totalSpendFen += amountFen;
  if (!stats.firstPurchaseAt || purchasedAt < stats.firstPurchaseAt) stats.firstPurchaseAt = purchasedAt;
  if (!stats.lastPurchaseAt || purchasedAt > stats.lastPurchaseAt) stats.lastPurchaseAt = purchasedAt;
  deriveAverages(stats);
  if (windowsAreFresh(stats, now)) {
    // The purchase row is already inserted: adjust in place rather than rescan the member's history.
    const age = now.getTime() - purchasedAt.getTime();
    if (age < 365 * DAY_MS) {
      stats.count365d += 1;
      stats.spend365dFen += amountFen;
    }
    if (age < 90 * DAY_MS) {
      stats.count90d += 1;
      stats.spend90dFen += amountFen;
    }
  } else {
    await recomputeWindows(manager, stats, now);
  }
  await storeStats(manager, stats);
  return stats;
}

/** Takes a refund out of the member's statistics, in the refund's transaction. */
export async function removeRefundFromStats(
  change: StatsChange & { refundFen: number; fullyRefunded: boolean },
): Promise<MemberStats> {
  const { manager, memberId, now } = change;
  const stats = await loadStats(manager, memberId, now);
  stats.totalSpendFen = Math.max(0, stats.totalSpendFen - change.refundFen);
  if (change.fullyRefunded) stats.purchaseCount = Math.max(0, stats.purchaseCount - 1);
  deriveAverages(stats);
  await recomputeWindows(manager, stats, now);
  await storeStats(manager, stats);
  return stats;
}
