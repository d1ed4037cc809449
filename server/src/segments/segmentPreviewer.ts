import { In, type EntityManager } from 'typeorm';
import { BUILTIN_SEGMENT_CODES, BUILTIN_SEGMENT_LABELS } from '@toyclub/shared';
import type { BuiltinSegmentDto, SegmentDefinition, SegmentPreviewDto } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import { Member } from '../members/Member';
import { MemberStats } from '../members/MemberStats';
import { builtinCondition, builtinDescription } from './builtinSegments';
import { audienceOf } from './segmentAudience';
import { compileSegment, SEGMENT_FROM, SEGMENT_FROM_NARROW, SEGMENT_STATEMENT } from './segmentCompiler';
import { presentSegmentSample } from './presentSegment';
import type { SqlFragment } from './sqlFragment';

/** How many of the newest member ids the sample looks among first. */
export const SAMPLE_WINDOW_IDS = 50_000;

/**
 * The newest `size` members of a compiled condition, ids descending. Walking the primary
 * key backwards stops at the `size`th match, which is quick while matches are dense among
 * the newest members but reads the whole table when they are not (MariaDB cannot tell in
 * advance). So the walk is bounded to the newest `windowIds` ids; what it
 * does not find there comes from a query that must not walk the primary key for its
 * order: it filters by the condition's own best plan (an index range, a semi-join), and a
 * LIMIT this small sorts in a bounded priority queue, never the whole segment.
 */
async function sampleIds(manager: EntityManager, where: SqlFragment, size: number, windowIds: number): Promise<string[]> {
  const [top] = (await manager.query('SELECT MAX(id) AS id FROM members')) as Array<{ id: string | number | null }>;
  if (top?.id === null || top?.id === undefined) return [];
  const boundary = Math.max(0, Number(top.id) - windowIds);
  const newest = (await manager.query(`${SEGMENT_STATEMENT}SELECT m.id FROM ${SEGMENT_FROM} WHERE m.id > ? AND ${where.sql} ORDER BY m.id DESC LIMIT ?`, [
    boundary,
    ...where.params,
    size,
  ])) as Array<{ id: string | number }>;
  if (newest.length === size || boundary === 0) return newest.map((row) => String(row.id));
  const older = (await manager.query(
    `${SEGMENT_STATEMENT}SELECT m.id FROM ${SEGMENT_FROM_NARROW} WHERE m.id <= ? AND ${where.sql} ORDER BY m.id DESC LIMIT ?`,
    [boundary, ...where.params, size - newest.length],
  )) as Array<{ id: string | number }>;
  return [...newest, ...older].map((row) => String(row.id));
}

/**
 * A definition's size and a sample of its newest members, answered side by side: the
 * count and {@link sampleIds}. The caller audits the sample's members.
 */
export async function segmentPreviewer({
  manager,
  config,
  definition,
  now = new Date(),
  sampleWindowIds = SAMPLE_WINDOW_IDS,
}: {
  manager: EntityManager;
  config: AppConfig;
  definition: SegmentDefinition;
  now?: Date;
  /** {@link SAMPLE_WINDOW_IDS}, smaller in tests: a test database has far fewer members. */
  sampleWindowIds?: number;
}): Promise<SegmentPreviewDto> {
  const where = compileSegment(definition, { config, now });
  const [count, ids] = await Promise.all([
    audienceOf({ manager, where }).count(),
    sampleIds(manager, where, config.segments.previewSampleSize, sampleWindowIds),
  ]);
  if (ids.length === 0) return { count, sample: [] };
  const [members, stats] = await Promise.all([
    manager.getRepository(Member).findBy({ id: In(ids) }),
    manager.getRepository(MemberStats).findBy({ memberId: In(ids) }),
  ]);
  const byId = new Map(members.map((member) => [member.id, member]));
  const statsById = new Map(stats.map((row) => [row.memberId, row]));
  const sample = ids.flatMap((id) => {
    const member = byId.get(id);
    return member ? [presentSegmentSample(config, member, statsById.get(id))] : [];
  });
  return { count, sample };
}

/** Every built-in segment with its live size, counted in one pass over the members. */
export async function builtinSegmentCounts({ manager, config, now = new Date() }: { manager: EntityManager; config: AppConfig; now?: Date }): Promise<BuiltinSegmentDto[]> {
  const conditions = BUILTIN_SEGMENT_CODES.map((code) => builtinCondition(code, config.segments.builtin, now));
  const columns = conditions.map((condition, index) => `COALESCE(SUM(${condition.sql}), 0) AS c${index}`).join(', ');
  const [row] = (await manager.query(`SELECT ${columns} FROM ${SEGMENT_FROM_NARROW} WHERE m.deleted_at IS NULL`, conditions.flatMap((condition) => condition.params))) as Array<
    Record<string, string | number>
  >;
  return BUILTIN_SEGMENT_CODES.map((code, index) => ({
    code,
    label: BUILTIN_SEGMENT_LABELS[code],
    description: builtinDescription(code, config.segments.builtin),
    count: Number(row?.[`c${index}`] ?? 0),
  }));
}
