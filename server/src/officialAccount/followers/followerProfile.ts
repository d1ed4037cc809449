import type { DataSource } from 'typeorm';
import { hotPathQuery } from '../hotPathQuery';

/** What the handlers need to know about the sender: are they bound, to whom, at which tier. */
export interface FollowerProfile {
  openid: string;
  known: boolean;
  memberId: string | null;
  tierCode: string | null;
  pointsBalance: number | null;
}

interface ProfileRow {
  member_id: string | null;
  tier_code: string | null;
  points_balance: number | null;
}

/**
 * The sender's follower row joined to their member (deleted members count as unbound), in
 * one query.
 */
export async function followerProfile(dataSource: DataSource, openid: string): Promise<FollowerProfile> {
  const rows = await hotPathQuery<ProfileRow>(
    dataSource,
    `SELECT m.id AS member_id, m.tier_code, m.points_balance
     FROM oa_followers f LEFT JOIN members m ON m.id = f.member_id AND m.deleted_at IS NULL
     WHERE f.openid = ?`,
    [openid],
  );
  const row = rows[0];
  return {
    openid,
    known: row !== undefined,
    memberId: row?.member_id === null || row?.member_id === undefined ? null : String(row.member_id),
    tierCode: row?.tier_code ?? null,
    pointsBalance: row?.points_balance ?? null,
  };
}

/**
 * Records the follower's latest interaction (custom-service sends are allowed for 48 hours
 * after it). One autocommit upsert, at most once a minute per follower: on the hot path.
 */
export async function touchFollower(dataSource: DataSource, openid: string, at: Date = new Date()): Promise<void> {
  await hotPathQuery(
    dataSource,
    `INSERT INTO oa_followers (openid, subscribed, reachable, last_interaction_at) VALUES (?, 1, 1, ?)
     ON DUPLICATE KEY UPDATE last_interaction_at = VALUES(last_interaction_at)`,
    [openid, at],
  );
}
