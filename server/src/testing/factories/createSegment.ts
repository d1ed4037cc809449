import type { SegmentDefinition } from '@toyclub/shared';
import type { System } from '../../system/System';
import { Segment } from '../../segments/Segment';

/** A saved segment with `definition`; returns its id. */
export async function createSegment(
  system: System,
  options: { name?: string; description?: string; definition: SegmentDefinition; createdByStaffId?: string | null },
): Promise<number> {
  const repository = system.dataSource.getRepository(Segment);
  const segment = repository.create({
    name: options.name ?? '测试分群',
    description: options.description ?? '',
    definition: options.definition,
    createdByStaffId: options.createdByStaffId ?? null,
    deletedAt: null,
  });
  await repository.save(segment);
  return Number(segment.id);
}
