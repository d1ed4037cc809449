import type { EntityManager } from 'typeorm';
import type { MemberStats } from './MemberStats';
import { statsAverages } from './memberStatsRecorder';

/** The figures of a statistics row that can be recomputed from the purchases. */
export type StatsFigures = Omit<MemberStats, 'memberId'>;

/** One member's stored figures (null without a row) and the figures their purchases give. */
export interface StatsComparison {
  memberId: string;
  stored: StatsFigures | null;
  expected: StatsFigures;
}

interface Row {
  member_id: string | number;
  has_row: number | string | null;
  s_first: Date | null;
  s_last: Date | null;
  s_count: number | null;
  s_total: string | number | null;
  s_ticket: string | number | null;
  s_interval: string | number | null;
  s_c90: number | null;
  s_s90: string | number | null;
  s_c365: number | null;
  s_s365: string | number | null;
  s_as_of: Date | null;
  p_first: Date | null;
  p_last: Date | null;
  p_count: string | number | null;
  p_total: string | number | null;
  p_c90: string | number | null;
  p_s90: string | number | null;
  p_c365: string | number | null;
  p_s365: string | number | null;
}

const num = (value: string | number | null): number => Number(value ?? 0);

/**
 * The same derivation as the purchase and refund transactions (memberStatsRecorder):
 * first/last over every credited purchase, count of those not fully refunded, spend net
 * of refunds, and the averages by the recorder's own {@link statsAverages}.
 */
function expectedOf(row: Row, now: Date): StatsFigures {
  const running = { firstPurchaseAt: row.p_first, lastPurchaseAt: row.p_last, purchaseCount: num(row.p_count), totalSpendFen: num(row.p_total) };
  return {
    ...running,
    ...statsAverages(running),
    count90d: num(row.p_c90),
    spend90dFen: num(row.p_s90),
    count365d: num(row.p_c365),
    spend365dFen: num(row.p_s365),
    windowsAsOf: row.s_as_of ?? now,
  };
}

function storedOf(row: Row): StatsFigures | null {
  if (row.has_row === null) return null;
  return {
    firstPurchaseAt: row.s_first,
    lastPurchaseAt: row.s_last,
    purchaseCount: num(row.s_count),
    totalSpendFen: num(row.s_total),
    averageTicketFen: num(row.s_ticket),
    averageIntervalDays: row.s_interval === null ? null : Number(row.s_interval),
    count90d: num(row.s_c90),
    spend90dFen: num(row.s_s90),
    count365d: num(row.s_c365),
    spend365dFen: num(row.s_s365),
    windowsAsOf: row.s_as_of ?? new Date(0),
  };
}

/**
 * Reads the members' stored statistics and recomputes them from their purchases in one
 * grouped query. The 90/365-day windows are recomputed as of the row's own
 * `windows_as_of` (purchases ageing out since then are not an error; the tier review
 * slides them), or as of `now` for a member without a row.
 */
export async function compareStats(manager: EntityManager, memberIds: string[], now: Date): Promise<StatsComparison[]> {
  if (memberIds.length === 0) return [];
  // A purchase counts in a window when it is not fully refunded, was made by `now` and
  // no earlier than the window's start before the member's windows_as_of.
  const inWindow = (days: number) => `p.refunded_fen < p.amount_fen AND p.purchased_at <= ? AND p.purchased_at >= w.as_of - INTERVAL ${days} DAY`;
  const rows = (await manager.query(
    `SELECT m.id AS member_id, s.member_id AS has_row, s.first_purchase_at AS s_first, s.last_purchase_at AS s_last,
            s.purchase_count AS s_count, s.total_spend_fen AS s_total, s.average_ticket_fen AS s_ticket,
            s.average_interval_days AS s_interval, s.count_90d AS s_c90, s.spend_90d_fen AS s_s90,
            s.count_365d AS s_c365, s.spend_365d_fen AS s_s365, s.windows_as_of AS s_as_of,
            a.p_first, a.p_last, a.p_count, a.p_total, a.p_c90, a.p_s90, a.p_c365, a.p_s365
       FROM members m
       LEFT JOIN member_stats s ON s.member_id = m.id
       LEFT JOIN (
         SELECT p.member_id, MIN(p.purchased_at) AS p_first, MAX(p.purchased_at) AS p_last,
                SUM(p.refunded_fen < p.amount_fen) AS p_count, SUM(p.amount_fen - p.refunded_fen) AS p_total,
                SUM(${inWindow(90)}) AS p_c90, SUM(IF(${inWindow(90)}, p.amount_fen - p.refunded_fen, 0)) AS p_s90,
                SUM(${inWindow(365)}) AS p_c365, SUM(IF(${inWindow(365)}, p.amount_fen - p.refunded_fen, 0)) AS p_s365
           FROM purchases p
           JOIN (SELECT m2.id AS member_id, COALESCE(s2.windows_as_of, ?) AS as_of
                   FROM members m2 LEFT JOIN member_stats s2 ON s2.member_id = m2.id
                  WHERE m2.id IN (?)) w ON w.member_id = p.member_id
          WHERE p.credited_at IS NOT NULL
          GROUP BY p.member_id
       ) a ON a.member_id = m.id
      WHERE m.id IN (?)
      ORDER BY m.id`,
    [now, now, now, now, now, memberIds, memberIds],
  )) as Row[];
  return rows.map((row) => ({ memberId: String(row.member_id), stored: storedOf(row), expected: expectedOf(row, now) }));
}
