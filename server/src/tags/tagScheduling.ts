import type { System } from '../system/System';
import { dynamicTagsNightlyTask } from './DynamicTagsNightlyTask';
import type { Tag } from './Tag';
import { scheduleTagMirror } from './TagMirrorTask';

/**
 * After a tag was created or changed (and committed): evaluates a new rule over every
 * member (which then mirrors it if needed), or mirrors a manual tag whose mirroring was
 * switched on.
 */
export async function scheduleAfterTagChange(system: System, tag: Tag, changed: { rule: boolean; mirror: boolean }): Promise<void> {
  if (changed.rule && tag.kind === 'dynamic') {
    await system.scheduler.schedule(dynamicTagsNightlyTask, { tagId: tag.id, version: tag.updatedAt.getTime() });
  } else if (changed.mirror && tag.mirrorToWechat) {
    await scheduleTagMirror(system, tag.id);
  }
}
