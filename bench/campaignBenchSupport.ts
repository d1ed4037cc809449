import type Bull from 'bull';
import type Redis from 'ioredis';
import { Campaign } from '../server/src/campaigns/Campaign';
import { campaignPlanTask } from '../server/src/campaigns/CampaignPlanTask';
import { campaignRunStarter } from '../server/src/campaigns/campaignStateChanges';
import type { System } from '../server/src/system/System';
import { createMembersBulk } from '../server/src/testing/factories/createMembersBulk';
import { createSegment } from '../server/src/testing/factories/createSegment';

/**
 * The queue timings of config/default.json: benches run with NODE_ENV=test, whose short
 * lock and stall intervals would make a loaded worker look stalled, which production's do not.
 */
export const PRODUCTION_QUEUE_TIMINGS = { backoffMs: 2000, lockDurationMs: 30_000, stalledIntervalMs: 30_000 };

/** Bytes Redis has allocated (INFO memory `used_memory`); the server is shared, so compare deltas of large changes only. */
export async function redisUsedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

/** Seconds since `started` (a process.hrtime.bigint()). */
export function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * A scheduled service-notice template campaign to `segmentId`, with no holdout, cap or
 * quiet hours, written through the entity (the composer's checks are not what is measured).
 */
export async function createBenchCampaign(system: System, segmentId: number, name: string): Promise<string> {
  const repository = system.dataSource.getRepository(Campaign);
  const campaign = await repository.save(
    repository.create({
      name,
      segmentId: String(segmentId),
      channel: 'template',
      content: { purpose: 'service', templateId: 'TPL_POINTS_CHANGE', variants: [{ fields: { thing1: '年终积分加赠', number2: '100', number3: '1200' } }] },
      scheduleKind: 'now',
      scheduledAt: null,
      recurrence: null,
      frequencyCap: null,
      quietHours: null,
      holdoutPercent: 0,
      state: 'scheduled',
      pausedUntil: null,
      stopReason: null,
      plannedCount: 0,
      generation: 0,
      createdByStaffId: null,
    }),
  );
  return campaign.id;
}

/** Deletes a bench campaign's send records in chunks, so that repeated runs leave the bench database as they found it. */
export async function removeCampaignSends(system: System, campaignId: string): Promise<void> {
  for (;;) {
    const result = (await system.dataSource.query('DELETE FROM campaign_sends WHERE campaign_id = ? LIMIT 20000', [campaignId])) as { affectedRows: number };
    if (result.affectedRows === 0) return;
  }
}

/**
 * Starts the campaign's run as the console does and waits for its planner job, which a
 * worker (`TaskWorker` with campaignPlanTask) must be processing; returns the run's id.
 */
export async function planCampaign(system: System, campaignId: string): Promise<string> {
  await campaignRunStarter({ system, campaignId, occurrenceKey: 'once' });
  const [run] = (await system.dataSource.query('SELECT id FROM campaign_runs WHERE campaign_id = ?', [campaignId])) as Array<{ id: string }>;
  const job = await system.queues.get(campaignPlanTask.queueName).getJob(campaignPlanTask.jobId({ runId: run!.id, generation: 0 }));
  await job!.finished();
  return run!.id;
}

/**
 * A store of exactly `count` reachable followers, made once under `code` and reused by
 * later runs (the bench database keeps its seeded million and no more), and a segment of it.
 */
export async function benchAudience(system: System, code: string, count: number): Promise<{ segmentId: number; openids: string[] }> {
  await system.dataSource.query('INSERT IGNORE INTO stores (code, name) VALUES (?, ?)', [code, `压测门店 ${code}`]);
  const [store] = (await system.dataSource.query('SELECT id FROM stores WHERE code = ?', [code])) as Array<{ id: string }>;
  const followers = () =>
    system.dataSource.query(
      'SELECT f.openid FROM members m JOIN oa_followers f ON f.member_id = m.id WHERE m.registration_store_id = ? AND m.deleted_at IS NULL ORDER BY m.id',
      [store!.id],
    ) as Promise<Array<{ openid: string }>>;
  let rows = await followers();
  if (rows.length < count) {
    await createMembersBulk(system, { count: count - rows.length, storeId: store!.id });
    rows = await followers();
  }
  const segmentId = await createSegment(system, {
    name: `压测 ${code}`,
    definition: { op: 'and', rules: [{ kind: 'registration_store', storeIds: [Number(store!.id)] }] },
  });
  return { segmentId, openids: rows.map((row) => row.openid) };
}

/**
 * Redis bytes per waiting job of `queue`, from the keys themselves (MEMORY USAGE of a
 * sample of job hashes, plus the wait list's share), so that whatever else runs on this
 * Redis does not count, unlike a `used_memory` delta.
 */
export async function bytesPerWaitingJob(queue: Bull.Queue, sample = 1000): Promise<number> {
  const waiting = await queue.client.llen(queue.toKey('wait'));
  if (waiting === 0) return 0;
  const ids = await queue.client.lrange(queue.toKey('wait'), 0, sample - 1);
  let jobBytes = 0;
  for (const id of ids) jobBytes += Number(await queue.client.call('MEMORY', 'USAGE', queue.toKey(id), 'SAMPLES', '0'));
  const listBytes = Number(await queue.client.call('MEMORY', 'USAGE', queue.toKey('wait'), 'SAMPLES', '0'));
  return jobBytes / ids.length + listBytes / waiting;
}
