import { runInTransaction } from '../db/runInTransaction';
import type { System } from '../system/System';
import { checkMirrorLimit } from './mirrorLimit';
import { Tag } from './Tag';
import { tagErrors } from './tagErrors';
import { scheduleTagMirror } from './TagMirrorTask';

/**
 * Asks for a mirror run of a tag now (a campaign about to mass-send by it, or the owner
 * in the console), switching its mirroring on if it was off. Returns the job id.
 */
export async function tagMirrorRequester(options: { system: System; tagId: string }): Promise<string> {
  const { system, tagId } = options;
  await runInTransaction(system.dataSource, async (manager) => {
    const tag = await manager.getRepository(Tag).findOne({ where: { id: tagId }, lock: { mode: 'pessimistic_write' } });
    if (!tag) throw tagErrors.notFound();
    if (tag.mirrorToWechat) return;
    await checkMirrorLimit(manager, tagId);
    await manager.getRepository(Tag).update({ id: tagId }, { mirrorToWechat: true });
  });
  return scheduleTagMirror(system, tagId);
}
