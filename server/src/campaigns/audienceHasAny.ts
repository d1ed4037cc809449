import type { EntityManager } from 'typeorm';
import { SEGMENT_FROM } from '../segments/segmentCompiler';
import type { SegmentAudience } from '../segments/segmentAudience';

/**
 * True when at least one audience member satisfies `condition` (SQL on `members m`,
 * e.g. an EXISTS on their follower). One query that stops at the first match, so a
 * large audience costs no more than the first member found.
 */
export async function audienceHasAny(
  manager: EntityManager,
  audience: SegmentAudience,
  condition: { sql: string; params: unknown[] },
): Promise<boolean> {
  const rows = (await manager.query(`SELECT 1 FROM ${SEGMENT_FROM} WHERE (${audience.where.sql}) AND (${condition.sql}) LIMIT 1`, [
    ...audience.where.params,
    ...condition.params,
  ])) as unknown[];
  return rows.length > 0;
}
