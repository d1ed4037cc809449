import type { UpdateTagRequest } from '@toyclub/shared';
import { Not } from 'typeorm';
import { isDuplicateKey, runInTransaction } from '../db/runInTransaction';
import type { System } from '../system/System';
import { checkMirrorLimit } from './mirrorLimit';
import { Tag } from './Tag';
import { tagErrors } from './tagErrors';
import { scheduleAfterTagChange } from './tagScheduling';
import { wechatTagFailure } from './wechatTagErrors';

/**
 * Renames a tag, replaces a dynamic tag's rule or switches its mirroring. A mirrored
 * tag is renamed on WeChat first (outside the transaction: no network call holds a
 * row lock), after checking the name is free here. A new rule is re-evaluated over
 * every member in a job; mirroring switched on starts a mirror run.
 */
export async function tagUpdater(options: { system: System; tagId: string; changes: UpdateTagRequest }): Promise<Tag> {
  const { system, tagId, changes } = options;
  const repository = system.dataSource.getRepository(Tag);
  const current = await repository.findOneBy({ id: tagId });
  if (!current) throw tagErrors.notFound();
  if (changes.rule && current.kind !== 'dynamic') throw tagErrors.manualHasNoRule();
  const renamed = changes.name !== undefined && changes.name !== current.name;
  if (renamed && (await repository.existsBy({ name: changes.name, id: Not(tagId) }))) throw tagErrors.nameTaken();
  if (renamed && current.wechatTagId !== null) {
    await system.wechat.oa.tags.rename(current.wechatTagId, changes.name!).catch((error: unknown) => {
      throw wechatTagFailure(error);
    });
  }
  const tag = await runInTransaction(system.dataSource, async (manager) => {
    const locked = await manager.getRepository(Tag).findOne({ where: { id: tagId }, lock: { mode: 'pessimistic_write' } });
    if (!locked) throw tagErrors.notFound();
    if (changes.mirrorToWechat && !locked.mirrorToWechat) await checkMirrorLimit(manager, tagId);
    if (changes.name !== undefined) locked.name = changes.name;
    if (changes.rule) locked.rule = changes.rule;
    if (changes.mirrorToWechat !== undefined) locked.mirrorToWechat = changes.mirrorToWechat;
    return manager.getRepository(Tag).save(locked);
  }).catch((error: unknown) => {
    throw isDuplicateKey(error) ? tagErrors.nameTaken() : error;
  });
  await scheduleAfterTagChange(system, tag, { rule: changes.rule !== undefined, mirror: changes.mirrorToWechat === true && !current.mirrorToWechat });
  return tag;
}
