import type { EntityManager } from 'typeorm';
import { Tag } from './Tag';
import type { RuleTag } from './ruleTagApplier';

/** Every dynamic tag with a rule, with whether it is mirrored to WeChat. */
export async function dynamicTags(manager: EntityManager): Promise<Array<RuleTag & { mirrorToWechat: boolean }>> {
  const tags = await manager.getRepository(Tag).find({ where: { kind: 'dynamic' }, order: { id: 'ASC' } });
  return tags.flatMap((tag) => (tag.rule ? [{ id: tag.id, rule: tag.rule, mirrorToWechat: tag.mirrorToWechat }] : []));
}
