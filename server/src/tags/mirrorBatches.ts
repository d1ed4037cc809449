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
 * Followers recorded as carrying the tag on WeChat who should not any more (the member
 * lost the tag, or the follower unfollowed or was unbound), after `afterOpenid`.
 * `reachable` says whether WeChat can still be asked to untag them.
 */
export async function openidsToUntag(
  manager: EntityManager,
  tagId: string,
  afterOpenid: string,
): Promise<Array<{ openid: string; reachable: boolean }>> {
  const rows: Array<{ openid: string; reachable: number | string | null }> = await manager.query(
    `SELECT w.openid, f.reachable FROM tag_wechat_members w
     LEFT JOIN oa_followers f ON f.openid = w.openid
     WHERE w.tag_id = ? AND w.openid > ?
       AND NOT EXISTS (SELECT 1 FROM member_tags mt WHERE mt.tag_id = w.tag_id AND mt.member_id = f.member_id AND f.reachable = 1)
     ORDER BY w.openid LIMIT ${WECHAT_TAG_BATCH}`,
    [tagId, afterOpenid],
  );
  return rows.map((row) => ({ openid: row.openid, reachable: Number(row.reachable) === 1 }));
}
