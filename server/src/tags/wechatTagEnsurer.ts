import type { System } from '../system/System';
import { runInTransaction } from '../db/runInTransaction';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import { Tag } from './Tag';

const DUPLICATE_NAME = 45157;

/**
 * Returns the WeChat tag id of `tag`, creating the WeChat tag on first use. When a
 * create succeeded on WeChat but its answer was lost (or the tag was made by hand in the
 * WeChat console), WeChat refuses the name as a duplicate (45157): the existing tag of
 * that name is adopted instead, so that the step is safe to repeat.
 */
export async function wechatTagEnsurer(system: System, tag: Tag): Promise<number> {
  if (tag.wechatTagId !== null) return tag.wechatTagId;
  let wechatTagId: number;
  try {
    wechatTagId = (await system.wechat.oa.tags.create(tag.name)).id;
  } catch (error) {
    if (!(error instanceof WechatApiError) || error.errcode !== DUPLICATE_NAME) throw error;
    const existing = (await system.wechat.oa.tags.list()).find((candidate) => candidate.name === tag.name);
    if (!existing) throw error;
    wechatTagId = existing.id;
  }
  await runInTransaction(system.dataSource, async (manager) => {
    // WeChat is the truth about its ids: another tag still holding this id lost its
    // WeChat tag (deleted in the WeChat console, or another account's data), so it lets go.
    const stale = await manager.getRepository(Tag).findBy({ wechatTagId });
    for (const other of stale.filter((candidate) => candidate.id !== tag.id)) {
      await manager.query('DELETE FROM tag_wechat_members WHERE tag_id = ?', [other.id]);
      await manager.getRepository(Tag).update({ id: other.id }, { wechatTagId: null });
    }
    await manager.getRepository(Tag).update({ id: tag.id }, { wechatTagId });
  });
  tag.wechatTagId = wechatTagId;
  return wechatTagId;
}
