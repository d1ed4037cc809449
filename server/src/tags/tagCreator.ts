import type { CreateTagRequest } from '@toyclub/shared';
import { isDuplicateKey, runInTransaction } from '../db/runInTransaction';
import type { System } from '../system/System';
import { checkMirrorLimit } from './mirrorLimit';
import { Tag } from './Tag';
import { tagErrors } from './tagErrors';
import { scheduleAfterTagChange } from './tagScheduling';

/**
 * Creates a tag (name unique: 409 otherwise; at most 100 mirrored). A dynamic tag's rule
 * is then evaluated over every member in a job, and mirrored if asked.
 */
export async function tagCreator(options: { system: System; input: CreateTagRequest & { mirrorToWechat: boolean } }): Promise<Tag> {
  const { system, input } = options;
  const tag = await runInTransaction(system.dataSource, async (manager) => {
    if (input.mirrorToWechat) await checkMirrorLimit(manager, null);
    const repository = manager.getRepository(Tag);
    return repository.save(
      repository.create({ name: input.name, kind: input.kind, rule: input.rule ?? null, mirrorToWechat: input.mirrorToWechat, wechatTagId: null }),
    );
  }).catch((error: unknown) => {
    throw isDuplicateKey(error) ? tagErrors.nameTaken() : error;
  });
  await scheduleAfterTagChange(system, tag, { rule: true, mirror: true });
  return tag;
}
