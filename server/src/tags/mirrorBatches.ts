import type { EntityManager } from 'typeorm';

/** The most openids WeChat takes in one batchtagging or batchuntagging call. */
export const WECHAT_TAG_BATCH = 50;

/** Followers who should carry the tag on WeChat but are not recorded as carrying it, after `afterMemberId`. */
export async function openidsToTag(
  manager: EntityManager,
  tagId: string,
  afterMemberId: string,
): Promise<Array<{ memberId: string; openid: string }>> {
  const rows: Array<{ member_id: string; openid: string }> = await manager.query(
    `SELECT mt.member_id, f.openid FROM member_tags mt
     JOIN oa_followers f ON f.member_id = mt.member_id AND f.reachable = 1
     WHERE mt.tag_id = ? AND mt.member_id > ?
       AND NOT EXISTS (SELECT 1 FROM tag_wechat_members w WHERE w.tag_id = mt.tag_id AND w.openid = f.openid)
     ORDER BY mt.member_id LIMIT ${WECHAT_TAG_BATCH}`,
    [tagId, afterMemberId],
  );
  return rows.map((row) => ({ memberId: String(row.member_id), openid: row.openid }));
}

/**
 * Reachable followers recorded as carrying the tag on WeChat who should not any more
 * (the member lost the tag, or the follower was bound to someone else), after `afterOpenid`.
 */
export async function openidsToUntag(manager: EntityManager, tagId: string, afterOpenid: string): Promise<string[]> {
  const rows: Array<{ openid: string }> = await manager.query(
    `SELECT w.openid FROM tag_wechat_members w
     JOIN oa_followers f ON f.openid = w.openid AND f.reachable = 1
     WHERE w.tag_id = ? AND w.openid > ?
       AND NOT EXISTS (SELECT 1 FROM member_tags mt WHERE mt.tag_id = w.tag_id AND mt.member_id = f.member_id)
     ORDER BY w.openid LIMIT ${WECHAT_TAG_BATCH}`,
    [tagId, afterOpenid],
  );
  return rows.map((row) => row.openid);
}

/**
 * Forgets the mirror rows of followers who left (unfollowed, blocked, unknown): WeChat
 * cannot be asked to untag them, and their tags no longer matter there.
 */
export async function forgetUnreachable(manager: EntityManager, tagId: string): Promise<void> {
  await manager.query(
    `DELETE w FROM tag_wechat_members w LEFT JOIN oa_followers f ON f.openid = w.openid
     WHERE w.tag_id = ? AND (f.openid IS NULL OR f.reachable = 0)`,
    [tagId],
  );
}
