import type { MemberTagDto } from '@toyclub/shared';
import { IsNull } from 'typeorm';
import { recordAudit } from '../audit/auditLog';
import { runInTransaction } from '../db/runInTransaction';
import { Member } from '../members/Member';
import type { System } from '../system/System';
import { presentMemberTags } from './presentTag';
import { Tag } from './Tag';
import { tagErrors } from './tagErrors';
import { scheduleTagMirror } from './TagMirrorTask';

/** Who assigns, for the audit log. */
export interface TagActor {
  staffId: string;
  ip: string;
}

/** Mirror runs after manual changes wait a little, so that a series of clicks makes one run. */
export const MANUAL_MIRROR_DELAY_MS = 5_000;

/**
 * Puts a tag on a member by hand (audited). On a dynamic tag this pins it: the row
 * becomes `manual`, and rules no longer remove it. Assigning twice changes nothing.
 */
export async function memberTagAssigner(options: { system: System; memberId: string; tagId: string; actor: TagActor }): Promise<MemberTagDto[]> {
  const { system, memberId, tagId, actor } = options;
  const { tag, tags } = await runInTransaction(system.dataSource, async (manager) => {
    const member = await manager.getRepository(Member).findOneBy({ id: memberId, deletedAt: IsNull() });
    if (!member) throw tagErrors.memberNotFound();
    const found = await manager.getRepository(Tag).findOneBy({ id: tagId });
    if (!found) throw tagErrors.notFound();
    await manager.query(
      `INSERT INTO member_tags (member_id, tag_id, source, assigned_at) VALUES (?, ?, 'manual', ?)
       ON DUPLICATE KEY UPDATE source = 'manual'`,
      [memberId, tagId, new Date()],
    );
    await recordAudit(manager, { staffId: actor.staffId, memberIds: [memberId], action: 'member.tag_add', detail: found.name, ip: actor.ip });
    return { tag: found, tags: await presentMemberTags(manager, memberId) };
  });
  if (tag.mirrorToWechat) await scheduleTagMirror(system, tag.id, MANUAL_MIRROR_DELAY_MS);
  return tags;
}
