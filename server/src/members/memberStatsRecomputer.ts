import { runInTransaction } from '../db/runInTransaction';
import type { Logger } from '../logging/createLogger';
import type { System } from '../system/System';
import { lockMember } from './lockMember';
import { compareStats, type StatsComparison, type StatsFigures } from './memberStatsAudit';
import { storeStats } from './memberStatsRecorder';
import { MemberStats } from './MemberStats';
import { StatsRecomputeReport } from './StatsRecomputeReport';

/** Ids kept in a report row; every fixed member is logged regardless. */
const MAX_REPORTED_IDS = 10_000;

const COMPARED: Array<keyof StatsFigures> = [
  'purchaseCount',
  'totalSpendFen',
  'averageTicketFen',
  'count90d',
  'spend90dFen',
  'count365d',
  'spend365dFen',
];

const time = (value: Date | null): number | null => value?.getTime() ?? null;

/** The names of the figures that differ; empty when the stored row is right (or rightly absent). */
export function differingFigures({ stored, expected }: Pick<StatsComparison, 'stored' | 'expected'>): string[] {
  if (!stored) return expected.purchaseCount > 0 || expected.totalSpendFen > 0 || expected.firstPurchaseAt ? ['missing'] : [];
  const differing = COMPARED.filter((key) => stored[key] !== expected[key]);
  if (time(stored.firstPurchaseAt) !== time(expected.firstPurchaseAt)) differing.push('firstPurchaseAt');
  if (time(stored.lastPurchaseAt) !== time(expected.lastPurchaseAt)) differing.push('lastPurchaseAt');
  const interval = (value: number | null) => (value === null ? null : Math.round(value * 100));
  if (interval(stored.averageIntervalDays) !== interval(expected.averageIntervalDays)) differing.push('averageIntervalDays');
  return differing;
}

/**
 * Re-checks one member under their lock (purchases and refunds take it too, so a sale
 * between the batch read and now is not mistaken for an error) and writes the
 * recomputed figures if they still differ. Returns the differing figures.
 */
async function fixMember(system: System, memberId: string, now: Date, log: Logger): Promise<string[]> {
  return runInTransaction(system.dataSource, async (manager) => {
    await lockMember(manager, memberId, { includeDeleted: true });
    const [comparison] = await compareStats(manager, [memberId], now);
    if (!comparison) return [];
    const differing = differingFigures(comparison);
    if (differing.length === 0) return [];
    await storeStats(manager, Object.assign(new MemberStats(), { memberId, ...comparison.expected }));
    log.warn({ memberId, differing, stored: comparison.stored, recomputed: comparison.expected }, 'member statistics differed from the purchases; fixed');
    return differing;
  });
}

/** Options of {@link memberStatsRecomputer}; the id range is for replays and tests. */
export interface RecomputeOptions {
  now: Date;
  batchSize?: number;
  afterMemberId?: string;
  throughMemberId?: string;
  log: Logger;
}

/**
 * Recomputes every member's statistics from the purchases and refunds, in keyset batches
 * (one grouped query per batch), fixes the rows that differ and records a report of
 * how many members it checked and whose figures it fixed.
 */
export async function memberStatsRecomputer(system: System, options: RecomputeOptions): Promise<StatsRecomputeReport> {
  const startedAt = new Date();
  const batchSize = options.batchSize ?? 1000;
  let after = options.afterMemberId ?? '0';
  let checked = 0;
  const fixed: string[] = [];
  for (;;) {
    const ids = (
      (await system.dataSource.query(`SELECT id FROM members WHERE id > ? ${options.throughMemberId ? 'AND id <= ?' : ''} ORDER BY id LIMIT ?`, [
        after,
        ...(options.throughMemberId ? [options.throughMemberId] : []),
        batchSize,
      ])) as Array<{ id: string | number }>
    ).map((row) => String(row.id));
    if (ids.length === 0) break;
    for (const comparison of await compareStats(system.dataSource.manager, ids, options.now)) {
      if (differingFigures(comparison).length === 0) continue;
      if ((await fixMember(system, comparison.memberId, options.now, options.log)).length > 0) fixed.push(comparison.memberId);
    }
    checked += ids.length;
    after = ids[ids.length - 1]!;
  }
  const repository = system.dataSource.getRepository(StatsRecomputeReport);
  const report = repository.create({
    startedAt,
    finishedAt: new Date(),
    membersChecked: checked,
    membersFixed: fixed.length,
    fixedMemberIds: fixed.slice(0, MAX_REPORTED_IDS),
  });
  await repository.save(report);
  options.log.info({ reportId: report.id, checked, fixed: fixed.length }, 'member statistics recomputed');
  return report;
}
