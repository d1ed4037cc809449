import type { DataSource } from 'typeorm';
import { hotPathQuery } from '../hotPathQuery';
import { paddedToPowerOfTwo, turnBatcher } from '../turnBatcher';

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

/** At most this many followers per upsert; lists are padded to a power of two (few prepared statements). */
const MAX_BATCH = 64;

/** Records the interactions of `openids` (sorted, so that concurrent upserts lock rows in one order) now. */
async function upsertInteractions(dataSource: DataSource, openids: string[]): Promise<Map<string, never>> {
  const padded = paddedToPowerOfTwo([...openids].sort());
  const at = new Date();
  await hotPathQuery(
    dataSource,
    `INSERT INTO oa_followers (openid, subscribed, reachable, last_interaction_at) VALUES ${padded.map(() => '(?, 1, 1, ?)').join(', ')}
     ON DUPLICATE KEY UPDATE last_interaction_at = VALUES(last_interaction_at)`,
    padded.flatMap((openid) => [openid, at]),
  );
  return new Map<string, never>();
}

const touchers = new WeakMap<DataSource, (openid: string) => Promise<undefined>>();

/**
 * Records the follower's latest interaction (custom-service sends are allowed for 48 hours
 * after it). At most once a minute per follower, but on the hot path: the touches of the
 * pushes handled in the same event-loop turn are one autocommit upsert.
 */
export async function touchFollower(dataSource: DataSource, openid: string): Promise<void> {
  let touch = touchers.get(dataSource);
  if (!touch) {
    const batched = turnBatcher((openids) => upsertInteractions(dataSource, openids), MAX_BATCH);
    touchers.set(dataSource, (touch = batched));
  }
  await touch(openid);
}
