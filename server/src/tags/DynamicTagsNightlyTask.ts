import { runInTransaction } from '../db/runInTransaction';
import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { dynamicTags } from './dynamicTags';
import { ruleTagApplier } from './ruleTagApplier';
import { scheduleTagMirror } from './TagMirrorTask';
import { Tag } from './Tag';

/** Options of a run: every dynamic tag (nightly) or one tag whose rule is new; tests use small batches. */
export interface DynamicTagsNightlyPayload {
  batchSize?: number;
  tagId?: string;
  /** With `tagId`: the rule's version (its updated_at in ms), so that each new rule gets its own job. */
  version?: number;
}

/** What a nightly run changed. */
export interface DynamicTagsNightlyResult {
  batches: number;
  added: number;
  removed: number;
  mirrorsScheduled: number;
}

const DEFAULT_BATCH = 2_000;

/**
 * Re-evaluates every member's dynamic tags at night, so that tags whose windows slide
 * (three purchases within 90 days) expire without a purchase to trigger them. Members
 * are walked in keyset batches of ids, each batch one transaction of set-based INSERT
 * ... SELECT and DELETE per tag; the last finished batch is kept as the job's progress,
 * so a retried job continues from there. Every mirrored tag gets a mirror run afterwards.
 */
export class DynamicTagsNightlyTask extends Task<DynamicTagsNightlyPayload> {
  readonly name = 'tags.nightly';
  override readonly queueName = 'tags';

  override jobId(payload: DynamicTagsNightlyPayload): string | undefined {
    return payload.tagId ? `tags-evaluate:${payload.tagId}:${payload.version ?? 0}` : undefined;
  }

  async perform(payload: DynamicTagsNightlyPayload, { system, job, log }: TaskContext): Promise<DynamicTagsNightlyResult> {
    const batchSize = payload.batchSize ?? DEFAULT_BATCH;
    const now = new Date();
    const tags = (await dynamicTags(system.dataSource.manager)).filter((tag) => !payload.tagId || tag.id === payload.tagId);
    const result: DynamicTagsNightlyResult = { batches: 0, added: 0, removed: 0, mirrorsScheduled: 0 };
    const progress: unknown = job.progress();
    let cursor = typeof progress === 'string' && /^\d+$/.test(progress) ? progress : '0';
    for (;;) {
      const rows: Array<{ id: string }> = await system.dataSource.query('SELECT id FROM members WHERE id > ? ORDER BY id LIMIT ?', [cursor, batchSize]);
      if (rows.length === 0 || tags.length === 0) break;
      const last = String(rows[rows.length - 1]!.id);
      const changes = await runInTransaction(system.dataSource, (manager) => ruleTagApplier({ manager, tags, fromId: cursor, toId: last, now }));
      for (const change of changes) {
        result.added += change.added;
        result.removed += change.removed;
      }
      result.batches += 1;
      cursor = last;
      await job.progress(cursor);
    }
    // Every mirrored tag, manual ones included: followers may have come or gone since.
    const mirrored = await system.dataSource.getRepository(Tag).findBy({ mirrorToWechat: true, ...(payload.tagId ? { id: payload.tagId } : {}) });
    for (const tag of mirrored) {
      await scheduleTagMirror(system, tag.id);
      result.mirrorsScheduled += 1;
    }
    log.info(result, 'dynamic tags re-evaluated');
    return result;
  }
}

/** The task instance routes schedule to evaluate one new or changed rule over every member. */
export const dynamicTagsNightlyTask = new DynamicTagsNightlyTask();
