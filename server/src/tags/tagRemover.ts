import type { System } from '../system/System';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import { Tag } from './Tag';
import { tagErrors } from './tagErrors';
import { wechatTagFailure } from './wechatTagErrors';

const UNKNOWN_TAG = 45159;

/**
 * Deletes a tag and every member's row of it. Its WeChat tag goes first: WeChat refuses
 * tags with more than 100 000 fans (45057), and then nothing is deleted here; a WeChat
 * tag already gone (45159) is fine.
 */
export async function tagRemover(options: { system: System; tagId: string }): Promise<void> {
  const { system, tagId } = options;
  const tag = await system.dataSource.getRepository(Tag).findOneBy({ id: tagId });
  if (!tag) throw tagErrors.notFound();
  if (tag.wechatTagId !== null) {
    await system.wechat.oa.tags.remove(tag.wechatTagId).catch((error: unknown) => {
      if (error instanceof WechatApiError && error.errcode === UNKNOWN_TAG) return;
      throw wechatTagFailure(error);
    });
  }
  // member_tags and tag_wechat_members rows go with it (ON DELETE CASCADE).
  await system.dataSource.getRepository(Tag).delete({ id: tagId });
}
