import type { EntityManager } from 'typeorm';
import type { SegmentDefinition } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import { compileSegment, SEGMENT_FROM, SEGMENT_FROM_NARROW, SEGMENT_STATEMENT } from './segmentCompiler';
import { Segment } from './Segment';
import { segmentNotFound } from './segmentErrors';
import type { SqlFragment } from './sqlFragment';

/**
 * The members of a segment, evaluated live: campaigns count it and walk it by keyset
 * pagination (member ids ascending), so a member who joins mid-walk is still reached
 * once and none is read twice. Deleted members are never part of it.
 */
export interface SegmentAudience {
  /** The compiled definition, over {@link SEGMENT_FROM}: for one query that asks more of the audience. */
  readonly where: SqlFragment;
  count(): Promise<number>;
  /** Up to `limit` member ids greater than `afterMemberId`, ascending. */
  page(afterMemberId: number, limit: number): Promise<number[]>;
}

/** The audience of a definition compiled at `now` (its time-relative rules are fixed at that moment). */
export function audienceOf({ manager, where }: { manager: EntityManager; where: SqlFragment }): SegmentAudience {
  return {
    where,
    async count() {
      const [row] = (await manager.query(`${SEGMENT_STATEMENT}SELECT COUNT(*) AS n FROM ${SEGMENT_FROM_NARROW} WHERE ${where.sql}`, where.params)) as Array<{ n: string | number }>;
      return Number(row?.n ?? 0);
    },
    async page(afterMemberId, limit) {
      const rows = (await manager.query(`${SEGMENT_STATEMENT}SELECT m.id FROM ${SEGMENT_FROM} WHERE m.id > ? AND ${where.sql} ORDER BY m.id LIMIT ?`, [
        afterMemberId,
        ...where.params,
        limit,
      ])) as Array<{ id: string | number }>;
      return rows.map((row) => Number(row.id));
    },
  };
}

/** The audience of a definition, compiled now. */
export function definitionAudience({
  manager,
  config,
  definition,
  now = new Date(),
}: {
  manager: EntityManager;
  config: Pick<AppConfig, 'segments' | 'membership'>;
  definition: SegmentDefinition;
  now?: Date;
}): SegmentAudience {
  return audienceOf({ manager, where: compileSegment(definition, { config, now }) });
}

/**
 * The audience of a saved segment. Throws `segment_not_found` (404) when it does not
 * exist or was deleted. `config` is the system's: the built-in thresholds and the
 * stores' time zone come from it.
 */
export async function loadSegmentAudience({
  manager,
  segmentId,
  config,
  now,
}: {
  manager: EntityManager;
  segmentId: number;
  config: Pick<AppConfig, 'segments' | 'membership'>;
  now?: Date;
}): Promise<SegmentAudience> {
  const segment = await manager.getRepository(Segment).findOneBy({ id: String(segmentId) });
  if (!segment || segment.deletedAt) throw segmentNotFound();
  return definitionAudience({ manager, config, definition: segment.definition, now });
}
