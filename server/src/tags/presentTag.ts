import type { EntityManager } from 'typeorm';
import type { MemberTagDto, TagDto } from '@toyclub/shared';
import type { Tag } from './Tag';

/** A tag for the console, with how many members carry it. */
export function presentTag(tag: Tag, memberCount: number): TagDto {
  return {
    id: tag.id,
    name: tag.name,
    kind: tag.kind,
    rule: tag.rule,
    mirrorToWechat: tag.mirrorToWechat,
    wechatTagId: tag.wechatTagId,
    memberCount,
    createdAt: tag.createdAt.toISOString(),
    updatedAt: tag.updatedAt.toISOString(),
  };
}

/** Members per tag, in one grouped query on the (tag_id, member_id) index. */
export async function memberCounts(manager: EntityManager, tagIds: string[]): Promise<Map<string, number>> {
  if (tagIds.length === 0) return new Map();
  const rows: Array<{ tag_id: string; n: string | number }> = await manager.query(
    'SELECT tag_id, COUNT(*) AS n FROM member_tags WHERE tag_id IN (?) GROUP BY tag_id',
    [tagIds],
  );
  return new Map(rows.map((row) => [String(row.tag_id), Number(row.n)]));
}

/** The tags one member carries, by name. */
export async function presentMemberTags(manager: EntityManager, memberId: string): Promise<MemberTagDto[]> {
  const rows: Array<{ tag_id: string; name: string; source: MemberTagDto['source']; assigned_at: Date }> = await manager.query(
    `SELECT mt.tag_id, t.name, mt.source, mt.assigned_at FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
     WHERE mt.member_id = ? ORDER BY t.name`,
    [memberId],
  );
  return rows.map((row) => ({ tagId: String(row.tag_id), name: row.name, source: row.source, assignedAt: new Date(row.assigned_at).toISOString() }));
}
