import type { System } from '../../system/System';

/** A member's ledger as tests check it: the cached balance, the sum of entries and of open lots. */
export async function ledgerTotals(system: System, memberId: string): Promise<{ balance: number; entries: number; lots: number; count: number }> {
  const [row] = (await system.dataSource.query(
    `SELECT m.points_balance AS balance,
            (SELECT COALESCE(SUM(delta), 0) FROM points_entries WHERE member_id = m.id) AS entries,
            (SELECT COALESCE(SUM(remaining), 0) FROM points_entries WHERE member_id = m.id) AS lots,
            (SELECT COUNT(*) FROM points_entries WHERE member_id = m.id) AS count
       FROM members m WHERE m.id = ?`,
    [memberId],
  )) as Array<Record<'balance' | 'entries' | 'lots' | 'count', string | number>>;
  return { balance: Number(row!.balance), entries: Number(row!.entries), lots: Number(row!.lots), count: Number(row!.count) };
}
