import type { DataSource } from 'typeorm';
import { hotPathQuery } from '../hotPathQuery';

/** A bound follower's points: balance and what expires soon. */
export interface MemberPoints {
  memberId: string;
  tierCode: string;
  balance: number;
  expiringPoints: number;
  earliestExpiry: Date | null;
}

interface PointsRow {
  member_id: string;
  tier_code: string;
  points_balance: number;
  expiring: string | number | null;
  earliest: Date | null;
}

/**
 * The points of the member bound to `openid`, with what expires before `before`, in one
 * query (this is the callback's busiest lookup); null when the follower is not bound.
 */
export async function memberPointsOf(dataSource: DataSource, openid: string, before: Date): Promise<MemberPoints | null> {
  const rows = await hotPathQuery<PointsRow>(
    dataSource,
    `SELECT m.id AS member_id, m.tier_code, m.points_balance, SUM(e.remaining) AS expiring, MIN(e.expires_at) AS earliest
     FROM oa_followers f
     JOIN members m ON m.id = f.member_id AND m.deleted_at IS NULL
     LEFT JOIN points_entries e ON e.member_id = m.id AND e.remaining > 0 AND e.expires_at <= ?
     WHERE f.openid = ?
     GROUP BY m.id, m.tier_code, m.points_balance`,
    [before, openid],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    memberId: String(row.member_id),
    tierCode: row.tier_code,
    balance: Number(row.points_balance),
    expiringPoints: Number(row.expiring ?? 0),
    earliestExpiry: row.earliest ? new Date(row.earliest) : null,
  };
}
