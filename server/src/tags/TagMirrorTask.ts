import type Bull from 'bull';
import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import type { System } from '../system/System';
import { tagMirror } from './tagMirror';
import type { TagMirrorResult } from './tagMirror';

/** A tag to mirror to WeChat. */
export interface TagMirrorPayload {
  tagId: string;
}

/**
 * Mirrors one tag to its WeChat user tag. One job id per tag: mirror requests made while
 * one waits collapse into it (the run reads the tag's members when it starts).
 */
export class TagMirrorTask extends Task<TagMirrorPayload> {
  readonly name = 'tags.mirror';
  override readonly queueName = 'tags';

  override get options(): Bull.JobOptions {
    // Finished jobs are removed so that the next request for the same tag is not a no-op.
    return { removeOnComplete: true, removeOnFail: true };
  }

  override jobId(payload: TagMirrorPayload): string {
    return `tags-mirror:${payload.tagId}`;
  }

  async perform(payload: TagMirrorPayload, { system, log }: TaskContext): Promise<TagMirrorResult> {
    const result = await tagMirror({ system, tagId: payload.tagId });
    log.info({ tagId: payload.tagId, ...result }, 'tag mirrored to WeChat');
    return result;
  }
}

/** The task instance the worker registers and callers schedule. */
export const tagMirrorTask = new TagMirrorTask();

/** Asks for a mirror run of `tagId` (collapsed with one already waiting); returns the job id. */
export async function scheduleTagMirror(system: System, tagId: string, delayMs = 0): Promise<string> {
  const job = await system.scheduler.schedule(tagMirrorTask, { tagId }, delayMs > 0 ? { delay: delayMs } : {});
  return String(job.id);
}
