import type { EntityManager } from 'typeorm';
import type { SegmentAudience } from '../segments/segmentAudience';

/**
 * True when at least one audience member satisfies `condition` (SQL on `members m`,
 * e.g. an EXISTS on their follower). Walks the audience page by page and stops at the
 * first page with a match, so a large audience with many matches answers at once.
 */
export async function audienceHasAny(
  manager: EntityManager,
  audience: SegmentAudience,
  condition: { sql: string; params: unknown[] },
  pageSize = 5000,
): Promise<boolean> {
  for (let after = 0; ; ) {
    const ids = await audience.page(after, pageSize);
    if (ids.length === 0) return false;
    const rows = (await manager.query(`SELECT 1 FROM members m WHERE m.id IN (?) AND ${condition.sql} LIMIT 1`, [ids, ...condition.params])) as unknown[];
    if (rows.length > 0) return true;
    after = ids[ids.length - 1]!;
  }
}
