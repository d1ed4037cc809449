import type { System } from '../system/System';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import { Tag } from './Tag';
import { tagErrors } from './tagErrors';
import { tagUsers } from './tagUsers';
import { wechatTagFailure } from './wechatTagErrors';

const UNKNOWN_TAG = 45159;

/**
 * Deletes a tag and every member's row of it, unless a saved segment or an unfinished
 * campaign still uses it (`tag_in_use`, 409). Its WeChat tag goes first: WeChat refuses
 * tags with more than 100 000 fans (45057), and then nothing is deleted here; a WeChat
 * tag already gone (45159) is fine.
 */
export async function tagRemover(options: { system: System; tagId: string }): Promise<void> {
  const { system, tagId } = options;
  const tag = await system.dataSource.getRepository(Tag).findOneBy({ id: tagId });
  if (!tag) throw tagErrors.notFound();
  // Checked before WeChat is touched, so that a refusal changes nothing anywhere.
  const users = await tagUsers(system.dataSource.manager, tagId);
  if (users.length > 0) throw tagErrors.inUse(users);
  if (tag.wechatTagId !== null) {
    await system.wechat.oa.tags.remove(tag.wechatTagId).catch((error: unknown) => {
      if (error instanceof WechatApiError && error.errcode === UNKNOWN_TAG) return;
      throw wechatTagFailure(error);
    });
  }
  // member_tags and tag_wechat_members rows go with it (ON DELETE CASCADE).
  await system.dataSource.getRepository(Tag).delete({ id: tagId });
}
