import type { EntityManager } from 'typeorm';
import { Not } from 'typeorm';
import { Tag } from './Tag';
import { tagErrors, WECHAT_TAGS_PER_ACCOUNT } from './tagErrors';

/** Refuses to mirror one more tag when WeChat's 100 tags per account are taken. */
export async function checkMirrorLimit(manager: EntityManager, exceptTagId: string | null): Promise<void> {
  const mirrored = await manager.getRepository(Tag).countBy({ mirrorToWechat: true, ...(exceptTagId ? { id: Not(exceptTagId) } : {}) });
  if (mirrored >= WECHAT_TAGS_PER_ACCOUNT) throw tagErrors.wechatTagLimit();
}
