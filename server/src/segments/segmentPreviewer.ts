import { In, type EntityManager } from 'typeorm';
import { BUILTIN_SEGMENT_CODES, BUILTIN_SEGMENT_LABELS } from '@toyclub/shared';
import type { BuiltinSegmentDto, SegmentDefinition, SegmentPreviewDto } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import { Member } from '../members/Member';
import { MemberStats } from '../members/MemberStats';
import { builtinCondition, builtinDescription } from './builtinSegments';
import { audienceOf } from './segmentAudience';
import { compileSegment, SEGMENT_FROM } from './segmentCompiler';
import { presentSegmentSample } from './presentSegment';

/**
 * A definition's size and a sample of its newest members, answered by two queries on
 * the compiled condition run side by side. The caller audits the sample's members.
 */
export async function segmentPreviewer({
  manager,
  config,
  definition,
  now = new Date(),
}: {
  manager: EntityManager;
  config: AppConfig;
  definition: SegmentDefinition;
  now?: Date;
}): Promise<SegmentPreviewDto> {
  const where = compileSegment(definition, { config, now });
  const [count, sampleRows] = await Promise.all([
    audienceOf({ manager, where }).count(),
    manager.query(`SELECT m.id FROM ${SEGMENT_FROM} WHERE ${where.sql} ORDER BY m.id DESC LIMIT ?`, [
      ...where.params,
      config.segments.previewSampleSize,
    ]) as Promise<Array<{ id: string | number }>>,
  ]);
  const ids = sampleRows.map((row) => String(row.id));
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
  const [row] = (await manager.query(`SELECT ${columns} FROM ${SEGMENT_FROM} WHERE m.deleted_at IS NULL`, conditions.flatMap((condition) => condition.params))) as Array<
    Record<string, string | number>
  >;
  return BUILTIN_SEGMENT_CODES.map((code, index) => ({
    code,
    label: BUILTIN_SEGMENT_LABELS[code],
    description: builtinDescription(code, config.segments.builtin),
    count: Number(row?.[`c${index}`] ?? 0),
  }));
}
