import type { DataSource } from 'typeorm';
import { hotPathQuery } from '../hotPathQuery';
import { paddedToPowerOfTwo, turnBatcher } from '../turnBatcher';
import { DAY_MS } from '../../time/dayMs';

/** A bound follower's points: balance and what expires soon. */
export interface MemberPoints {
  memberId: string;
  tierCode: string;
  balance: number;
  expiringPoints: number;
  earliestExpiry: Date | null;
}

interface PointsRow {
  openid: string;
  member_id: string;
  tier_code: string;
  points_balance: number;
  expiring: string | number | null;
  earliest: Date | null;
}

/** At most this many followers per query; lists are padded to a power of two (few prepared statements). */
const MAX_BATCH = 64;

/** The followers' openids compare like the column (utf8mb4_unicode_ci): without case. */
const openidKey = (openid: string): string => openid.toLowerCase();

/** The points of the members bound to `openids`, with what expires in the next `withinDays` days, in one query. */
async function loadMemberPoints(dataSource: DataSource, openids: string[], withinDays: number): Promise<Map<string, MemberPoints>> {
  const padded = paddedToPowerOfTwo(openids);
  const rows = await hotPathQuery<PointsRow>(
    dataSource,
    `SELECT f.openid, m.id AS member_id, m.tier_code, m.points_balance, SUM(e.remaining) AS expiring, MIN(e.expires_at) AS earliest
     FROM oa_followers f
     JOIN members m ON m.id = f.member_id AND m.deleted_at IS NULL
     LEFT JOIN points_entries e ON e.member_id = m.id AND e.remaining > 0 AND e.expires_at <= ?
     WHERE f.openid IN (${padded.map(() => '?').join(', ')})
     GROUP BY f.openid, m.id, m.tier_code, m.points_balance`,
    [new Date(Date.now() + withinDays * DAY_MS), ...padded],
  );
  return new Map(
    rows.map((row) => [
      openidKey(row.openid),
      {
        memberId: String(row.member_id),
        tierCode: row.tier_code,
        balance: Number(row.points_balance),
        expiringPoints: Number(row.expiring ?? 0),
        earliestExpiry: row.earliest ? new Date(row.earliest) : null,
      },
    ]),
  );
}

const batchers = new WeakMap<DataSource, Map<number, (openid: string) => Promise<MemberPoints | undefined>>>();

/**
 * The points of the member bound to `openid`, with what expires in the next `withinDays`
 * days; null when the follower is not bound. This is the callback's busiest lookup: the
 * lookups of the pushes handled in the same event-loop turn share one query.
 */
export async function memberPointsOf(dataSource: DataSource, openid: string, withinDays: number): Promise<MemberPoints | null> {
  let byDays = batchers.get(dataSource);
  if (!byDays) batchers.set(dataSource, (byDays = new Map()));
  let lookup = byDays.get(withinDays);
  if (!lookup) {
    const batched = turnBatcher((keys) => loadMemberPoints(dataSource, keys, withinDays), MAX_BATCH);
    byDays.set(withinDays, (lookup = batched));
  }
  return (await lookup(openidKey(openid))) ?? null;
}
