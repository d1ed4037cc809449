import type { DataSource, EntityManager } from 'typeorm';
import type { UnreachableReason } from './OaFollower';

/**
 * Marks a follower unreachable, so that no campaign or notice sends to them again until
 * they follow again. Creates the row when the openid was unknown.
 */
export async function markFollowerUnreachable(
  db: DataSource | EntityManager,
  openid: string,
  reason: UnreachableReason,
  at: Date = new Date(),
): Promise<void> {
  const unsubscribed = reason === 'unsubscribed';
  await db.query(
    `INSERT INTO oa_followers (openid, subscribed, reachable, unreachable_reason, unsubscribed_at)
     VALUES (?, ?, 0, ?, ?)
     ON DUPLICATE KEY UPDATE reachable = 0, unreachable_reason = VALUES(unreachable_reason),
       subscribed = IF(?, 0, subscribed), unsubscribed_at = IF(?, VALUES(unsubscribed_at), unsubscribed_at)`,
    [openid, unsubscribed ? 0 : 1, reason, unsubscribed ? at : null, unsubscribed, unsubscribed],
  );
}
