import { In, Not } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { FINISHED_CAMPAIGN_STATES } from '@toyclub/shared';
import type { SegmentGroup } from '@toyclub/shared';
import { Campaign } from '../campaigns/Campaign';
import { Segment } from '../segments/Segment';

function usesTag(group: SegmentGroup, tagId: number): boolean {
  return group.rules.some((item) => ('op' in item ? usesTag(item, tagId) : item.kind === 'tag' && item.tagIds.includes(tagId)));
}

/**
 * What still needs the tag, in Chinese for the refusal: saved segments whose rules name
 * it (分群「…」), and campaigns not yet finished that send to it by mass send or whose
 * segment names it (活动「…」) — even a segment deleted since, because the campaign's
 * next run still walks it. Empty when the tag may go.
 */
export async function tagUsers(manager: EntityManager, tagId: string): Promise<string[]> {
  const id = Number(tagId);
  // Only definitions mentioning a tag rule at all are parsed (the JSON is stored as text).
  const withTagRules = await manager
    .getRepository(Segment)
    .createQueryBuilder('segment')
    .where('segment.definition LIKE :key', { key: '%"tagIds"%' })
    .getMany();
  const segmentsUsing = new Map(withTagRules.filter((segment) => usesTag(segment.definition, id)).map((segment) => [segment.id, segment]));
  const users = [...segmentsUsing.values()].filter((segment) => segment.deletedAt === null).map((segment) => `分群「${segment.name}」`);

  const campaigns = await manager.getRepository(Campaign).find({
    select: { id: true, name: true, segmentId: true, content: true },
    where: { state: Not(In([...FINISHED_CAMPAIGN_STATES])) },
    order: { id: 'ASC' },
  });
  for (const campaign of campaigns) {
    if (String(campaign.content.tagId) === tagId || segmentsUsing.has(campaign.segmentId)) users.push(`活动「${campaign.name}」`);
  }
  return users;
}
