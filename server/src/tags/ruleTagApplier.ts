import type { EntityManager } from 'typeorm';
import type { TagRule } from '@toyclub/shared';
import { compileTagRule } from './compileTagRule';

/** A dynamic tag as the applier needs it. */
export interface RuleTag {
  id: string;
  rule: TagRule;
}

/** What one tag's rule changed in a range of members. */
export interface RuleTagChange {
  tagId: string;
  added: number;
  removed: number;
}

function affectedRowsOf(result: unknown): number {
  // TypeORM's mysql driver answers INSERT/DELETE with the driver's ResultSetHeader.
  const header = result as { affectedRows?: number };
  return typeof header.affectedRows === 'number' ? header.affectedRows : 0;
}

/**
 * Brings the rule tags of the members with `fromId < id <= toId` in line with `tags`'
 * rules, set-based: one INSERT ... SELECT adds the members who now match, one DELETE
 * removes rule rows of members who no longer match (or deleted their account). Rows
 * with source `manual` are never touched: the insert leaves an existing row as it is.
 */
export async function ruleTagApplier(options: {
  manager: EntityManager;
  tags: RuleTag[];
  fromId: string;
  toId: string;
  now: Date;
}): Promise<RuleTagChange[]> {
  const { manager, fromId, toId, now } = options;
  const changes: RuleTagChange[] = [];
  for (const tag of options.tags) {
    const predicate = compileTagRule(tag.rule, now);
    // IGNORE skips only the duplicate key here (members and tag exist), and unlike
    // ON DUPLICATE KEY its affected-row count is exactly the rows added.
    const inserted = await manager.query(
      `INSERT IGNORE INTO member_tags (member_id, tag_id, source, assigned_at)
       SELECT m.id, ?, 'rule', ? FROM members m
       WHERE m.id > ? AND m.id <= ? AND m.deleted_at IS NULL AND (${predicate.sql})`,
      [tag.id, now, fromId, toId, ...predicate.params],
    );
    const deleted = await manager.query(
      `DELETE mt FROM member_tags mt JOIN members m ON m.id = mt.member_id
       WHERE mt.tag_id = ? AND mt.source = 'rule' AND mt.member_id > ? AND mt.member_id <= ?
         AND (m.deleted_at IS NOT NULL OR NOT (${predicate.sql}))`,
      [tag.id, fromId, toId, ...predicate.params],
    );
    changes.push({ tagId: tag.id, added: affectedRowsOf(inserted), removed: affectedRowsOf(deleted) });
  }
  return changes;
}
