/**
 * Planning a template campaign to a million members (BENCH_MEMBERS, default 1,000,000),
 * through the real planner job (CampaignPlanTask on an in-process worker: keyset pages of
 * the segment, send records by INSERT IGNORE, bulk enqueue under deterministic ids), as
 * send jobs enqueued per second, against the baseline measured in the same run: bare Bull
 * `addBulk` of as many jobs, in pages of the same size, with the same name, payload size,
 * job options and queue settings. Also Redis memory per waiting job, both ways.
 *
 * The audience is every member bench/seedMembers.ts seeded (it seeds what is missing,
 * once); with a smaller BENCH_MEMBERS than are seeded, a store of that many followers.
 *
 *   npm run bench -- campaignPlan          BENCH_MEMBERS=100000 npm run bench -- campaignPlan
 */
import type Bull from 'bull';
import type Redis from 'ioredis';
import { campaignPlanTask } from '../server/src/campaigns/CampaignPlanTask';
import { CAMPAIGN_SEND_QUEUE } from '../server/src/campaigns/campaignQueues';
import { TaskWorker } from '../server/src/queue/TaskWorker';
import { createSystem } from '../server/src/system/createSystem';
import type { System } from '../server/src/system/System';
import { createSegment } from '../server/src/testing/factories/createSegment';
import { benchConfig, report } from './benchSupport';
import { benchAudience, bytesPerWaitingJob, createBenchCampaign, planCampaign, PRODUCTION_QUEUE_TIMINGS, redisUsedMemory, removeCampaignSends, secondsSince } from './campaignBenchSupport';
import { SEED_OPENID_PREFIX, seedMembers } from './seedMembers';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const BARE_QUEUE = 'bench-bare-sends';

/** A segment of exactly MEMBERS members: the seeded ones, or a store of that many. */
async function planningSegment(system: System): Promise<number> {
  const [row] = (await system.dataSource.query('SELECT COUNT(*) AS n FROM members WHERE openid LIKE ?', [`${SEED_OPENID_PREFIX}%`])) as Array<{ n: string }>;
  if (Number(row?.n ?? 0) > MEMBERS) return (await benchAudience(system, `bench-plan-${MEMBERS}`, MEMBERS)).segmentId;
  await seedMembers(MEMBERS);
  const stores = (await system.dataSource.query("SELECT id FROM stores WHERE code LIKE 'seed-s%'")) as Array<{ id: string }>;
  return createSegment(system, {
    name: '全部种子会员',
    definition: { op: 'and', rules: [{ kind: 'registration_store', storeIds: stores.map((store) => Number(store.id)) }] },
  });
}

/** Runs the planner job to its end; returns the seconds it took, the jobs it left waiting and the Redis bytes they take. */
async function planOnce(system: System, campaignId: string): Promise<{ seconds: number; jobs: number; bytes: number; members: number }> {
  const sends = system.queues.get(CAMPAIGN_SEND_QUEUE);
  const before = await redisUsedMemory(system.redis);
  const started = process.hrtime.bigint();
  const runId = await planCampaign(system, campaignId);
  const seconds = secondsSince(started);
  const bytes = (await redisUsedMemory(system.redis)) - before;
  const [counts] = (await system.dataSource.query("SELECT COUNT(*) AS members, SUM(state = 'pending') AS pending FROM campaign_sends WHERE run_id = ?", [
    runId,
  ])) as Array<{ members: string; pending: string }>;
  const jobs = await sends.getWaitingCount();
  if (jobs !== Number(counts!.pending)) throw new Error(`${counts!.pending} pending sends but ${jobs} waiting jobs`);
  return { seconds, jobs, bytes, members: Number(counts!.members) };
}

/** The baseline: `jobs` send-shaped jobs by bare addBulk, ids of the same length as the planner's. */
async function bareAddBulk(queue: Bull.Queue, redis: Redis, jobs: number, firstId: number, attempts: number, page: number): Promise<{ seconds: number; bytes: number }> {
  const before = await redisUsedMemory(redis);
  const started = process.hrtime.bigint();
  for (let start = 0; start < jobs; start += page) {
    const ids = Array.from({ length: Math.min(page, jobs - start) }, (_, offset) => String(firstId + start + offset));
    await queue.addBulk(ids.map((sendId) => ({ name: 'campaigns.send', data: { sendId, generation: 0 }, opts: { attempts, jobId: `campaign-send:${sendId}:g0` } })));
  }
  const seconds = secondsSince(started);
  return { seconds, bytes: (await redisUsedMemory(redis)) - before };
}

async function main(): Promise<void> {
  // Its own queue prefix: another bench or a test on this Redis never shares these queues.
  const config = benchConfig({ queue: { prefix: 'toyclub-bench-plan', ...PRODUCTION_QUEUE_TIMINGS }, redis: { keyPrefix: 'toyclub-bench-plan:' } });
  const system = await createSystem({ config, role: 'bench' });
  const sends = system.queues.get(CAMPAIGN_SEND_QUEUE);
  const bare = system.queues.get(BARE_QUEUE);
  let campaignId: string | undefined;
  try {
    await Promise.all([sends, bare, system.queues.get(campaignPlanTask.queueName)].map((queue) => queue.obliterate({ force: true })));
    const segmentId = await planningSegment(system);
    campaignId = await createBenchCampaign(system, segmentId, `bench planning ${MEMBERS}`);
    // Only the planner runs: its send jobs stay waiting, to be counted and weighed.
    TaskWorker.start({ system, tasks: [campaignPlanTask] });
    const planned = await planOnce(system, campaignId);
    const [first] = (await system.dataSource.query('SELECT MIN(id) AS id FROM campaign_sends WHERE campaign_id = ?', [campaignId])) as Array<{ id: string }>;
    const plannedJobBytes = await bytesPerWaitingJob(sends);
    await sends.obliterate({ force: true });

    const baseline = await bareAddBulk(bare, system.redis, planned.jobs, Number(first!.id), config.campaigns.sendAttempts, config.campaigns.planPageSize);
    const bareRate = planned.jobs / baseline.seconds;
    const bareJobBytes = await bytesPerWaitingJob(bare);
    process.stdout.write(
      `${planned.members} members planned (${planned.jobs} reachable: send jobs) in ${planned.seconds.toFixed(1)} s; bare addBulk of ${planned.jobs} jobs in ${baseline.seconds.toFixed(1)} s; pages of ${config.campaigns.planPageSize}\n`,
    );
    report('planning: send jobs enqueued per second', planned.jobs / planned.seconds, bareRate, 'jobs/s');
    report('planning: members walked per second', planned.members / planned.seconds, bareRate, '/s');
    report('Redis per waiting job: used_memory delta', planned.bytes / Math.max(1, planned.jobs), baseline.bytes / Math.max(1, planned.jobs), 'B');
    report('Redis per waiting job: its keys (MEMORY USAGE)', plannedJobBytes, bareJobBytes, 'B');
  } finally {
    await Promise.all([sends, bare].map((queue) => queue.obliterate({ force: true }).catch(() => undefined)));
    if (campaignId) await removeCampaignSends(system, campaignId);
    await system.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
