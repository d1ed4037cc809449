import { runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import type { System } from '../system/System';
import { debitPoints } from './pointsLedger';

/**
 * Expires one member's lots whose time has come, oldest first: each lot's remaining
 * points become one `expiry` entry referring to the lot, so re-running never expires a
 * lot twice. Returns the points expired.
 */
export async function expireMemberPoints(system: System, memberId: string, now: Date): Promise<number> {
  return runInTransaction(system.dataSource, async (manager) => {
    const member = await lockMember(manager, memberId, { includeDeleted: true });
    const lots = (await manager.query(
      'SELECT id, remaining FROM points_entries WHERE member_id = ? AND remaining > 0 AND expires_at <= ? ORDER BY expires_at, id',
      [memberId, now],
    )) as Array<{ id: string; remaining: number }>;
    let expired = 0;
    for (const lot of lots) {
      const points = Number(lot.remaining);
      await debitPoints({ manager, member, points, reason: 'expiry', refType: 'points_entry', refId: lot.id, preferLotId: lot.id, now });
      expired += points;
    }
    return expired;
  });
}

/** Expires every lot due by `now`, member by member (each in its own short transaction). */
export async function pointsExpirer(system: System, now: Date): Promise<{ members: number; points: number }> {
  let members = 0;
  let points = 0;
  let after = '0';
  for (;;) {
    const rows = (await system.dataSource.query(
      `SELECT DISTINCT member_id AS memberId FROM points_entries
        WHERE expires_at <= ? AND remaining > 0 AND member_id > ? ORDER BY member_id LIMIT 500`,
      [now, after],
    )) as Array<{ memberId: string }>;
    if (rows.length === 0) break;
    for (const { memberId } of rows) {
      points += await expireMemberPoints(system, memberId, now);
      members += 1;
      after = memberId;
    }
  }
  return { members, points };
}
