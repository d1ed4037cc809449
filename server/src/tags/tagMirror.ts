import type { System } from '../system/System';
import { markFollowerUnreachable } from '../officialAccount/followers/markFollowerUnreachable';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import { forgetUnreachable, openidsToTag, openidsToUntag } from './mirrorBatches';
import { Tag } from './Tag';
import { wechatTagEnsurer } from './wechatTagEnsurer';

/** What one mirror run did. */
export interface TagMirrorResult {
  wechatTagId: number | null;
  tagged: number;
  untagged: number;
  /** Followers WeChat refused one by one (unfollowed, or already carrying 20 tags). */
  refused: number;
  calls: number;
}

type Direction = 'tag' | 'untag';

const TOO_MANY_TAGS = 45059;

/**
 * Calls WeChat for one batch. WeChat's batch calls are all-or-nothing, so when one
 * follower spoils a batch (40003 unfollowed/invalid, 45059 over 20 tags) the batch is
 * retried one by one: the others still get tagged and the bad openids are reported.
 * Any other error propagates, and the job retries from what is recorded.
 */
async function callInBatch(system: System, direction: Direction, wechatTagId: number, openids: string[], result: TagMirrorResult): Promise<string[]> {
  const call = (list: string[]) => {
    result.calls += 1;
    return direction === 'tag' ? system.wechat.oa.tags.tagMembers(wechatTagId, list) : system.wechat.oa.tags.untagMembers(wechatTagId, list);
  };
  const spoilsBatch = (error: unknown) =>
    error instanceof WechatApiError && (error.action === 'memberUnreachable' || error.errcode === TOO_MANY_TAGS);
  try {
    await call(openids);
    return openids;
  } catch (error) {
    if (!spoilsBatch(error) || openids.length === 1) throw error;
  }
  const done: string[] = [];
  for (const openid of openids) {
    try {
      await call([openid]);
      done.push(openid);
    } catch (error) {
      if (!spoilsBatch(error)) throw error;
      result.refused += 1;
      if (error instanceof WechatApiError && error.action === 'memberUnreachable') {
        await markFollowerUnreachable(system.dataSource, openid, 'invalid_openid');
      }
    }
  }
  return done;
}

/**
 * Mirrors a tag to its WeChat user tag: creates the WeChat tag if needed, tags the
 * reachable followers of members carrying it and untags those who no longer do, 50
 * openids a call. What WeChat carries is recorded after each call in
 * `tag_wechat_members`, so a run that stops half-way resumes where it stopped, and a
 * second run with nothing changed makes no call at all.
 */
export async function tagMirror(options: { system: System; tagId: string }): Promise<TagMirrorResult> {
  const { system, tagId } = options;
  const result: TagMirrorResult = { wechatTagId: null, tagged: 0, untagged: 0, refused: 0, calls: 0 };
  const tag = await system.dataSource.getRepository(Tag).findOneBy({ id: tagId });
  if (!tag || !tag.mirrorToWechat) return result;
  const wechatTagId = await wechatTagEnsurer(system, tag);
  result.wechatTagId = wechatTagId;
  const manager = system.dataSource.manager;

  for (let afterMemberId = '0'; ; ) {
    const batch = await openidsToTag(manager, tagId, afterMemberId);
    if (batch.length === 0) break;
    afterMemberId = batch[batch.length - 1]!.memberId;
    const done = await callInBatch(system, 'tag', wechatTagId, batch.map((row) => row.openid), result);
    if (done.length > 0) {
      await manager.query('INSERT IGNORE INTO tag_wechat_members (tag_id, openid, mirrored_at) VALUES ?', [done.map((openid) => [tagId, openid, new Date()])]);
    }
    result.tagged += done.length;
  }

  await forgetUnreachable(manager, tagId);
  for (let afterOpenid = ''; ; ) {
    const batch = await openidsToUntag(manager, tagId, afterOpenid);
    if (batch.length === 0) break;
    afterOpenid = batch[batch.length - 1]!;
    const done = await callInBatch(system, 'untag', wechatTagId, batch, result);
    if (done.length > 0) await manager.query('DELETE FROM tag_wechat_members WHERE tag_id = ? AND openid IN (?)', [tagId, done]);
    result.untagged += done.length;
  }
  return result;
}
