import type { EntityManager } from 'typeorm';
import { dynamicTags } from './dynamicTags';
import { ruleTagApplier } from './ruleTagApplier';

/** What {@link memberTagger} changed for one member. */
export interface MemberRetagResult {
  added: string[];
  removed: string[];
  /** Changed tags that are mirrored to WeChat (their mirror needs a run). */
  mirroredChanged: string[];
}

/**
 * Recomputes one member's rule tags from their purchases: adds the dynamic tags whose
 * rule now holds and removes those that no longer do; manual tags are left alone.
 */
export async function memberTagger(options: { manager: EntityManager; memberId: string; now?: Date }): Promise<MemberRetagResult> {
  const { manager, memberId } = options;
  const tags = await dynamicTags(manager);
  const before = (BigInt(memberId) - 1n).toString();
  const changes = await ruleTagApplier({ manager, tags, fromId: before, toId: memberId, now: options.now ?? new Date() });
  const mirrored = new Set(tags.filter((tag) => tag.mirrorToWechat).map((tag) => tag.id));
  return {
    added: changes.filter((change) => change.added > 0).map((change) => change.tagId),
    removed: changes.filter((change) => change.removed > 0).map((change) => change.tagId),
    mirroredChanged: changes.filter((change) => change.added + change.removed > 0 && mirrored.has(change.tagId)).map((change) => change.tagId),
  };
}
