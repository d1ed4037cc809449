import type { MemberTagDto } from '@toyclub/shared';
import { recordAudit } from '../audit/auditLog';
import { runInTransaction } from '../db/runInTransaction';
import type { System } from '../system/System';
import { MemberTag } from './MemberTag';
import type { TagActor } from './memberTagAssigner';
import { MANUAL_MIRROR_DELAY_MS } from './memberTagAssigner';
import { presentMemberTags } from './presentTag';
import { Tag } from './Tag';
import { tagErrors } from './tagErrors';
import { scheduleTagMirror } from './TagMirrorTask';
import { scheduleMemberRetag } from './scheduleMemberRetag';

/**
 * Takes a hand-assigned tag off a member (audited). Rows a rule maintains are refused:
 * the rule would put them back. Unpinning a dynamic tag asks for a retag, so that the
 * rule decides again.
 */
export async function memberTagRemover(options: { system: System; memberId: string; tagId: string; actor: TagActor }): Promise<MemberTagDto[]> {
  const { system, memberId, tagId, actor } = options;
  const { tag, tags } = await runInTransaction(system.dataSource, async (manager) => {
    const row = await manager.getRepository(MemberTag).findOne({ where: { memberId, tagId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw tagErrors.notAssigned();
    if (row.source === 'rule') throw tagErrors.assignedByRule();
    const found = await manager.getRepository(Tag).findOneByOrFail({ id: tagId });
    await manager.getRepository(MemberTag).delete({ memberId, tagId });
    await recordAudit(manager, { staffId: actor.staffId, memberIds: [memberId], action: 'member.tag_remove', detail: found.name, ip: actor.ip });
    return { tag: found, tags: await presentMemberTags(manager, memberId) };
  });
  if (tag.kind === 'dynamic') await scheduleMemberRetag(system, memberId);
  if (tag.mirrorToWechat) await scheduleTagMirror(system, tag.id, MANUAL_MIRROR_DELAY_MS);
  return tags;
}
