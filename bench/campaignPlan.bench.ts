/**
 * Planning a template campaign to a million members (BENCH_MEMBERS, default 1,000,000),
 * through the real planner job (CampaignPlanTask on an in-process worker: keyset pages of
 * the segment, send records by INSERT IGNORE, bulk enqueue of batches of
 * `campaigns.sendBatchSize` sends under deterministic ids), against two baselines measured
 * in the same run: bare Bull `addBulk` of as many jobs with the same name, payload (the same
 * batches of ids), job options and queue settings (jobs enqueued per second); and bare
 * `addBulk` of one job per reachable member, as an unbatched design would enqueue (sends
 * queued per second). Also Redis memory per waiting job and per waiting send.
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
import { sendIdsOf } from '../server/src/campaigns/CampaignSendTask';
import type { CampaignSendPayload } from '../server/src/campaigns/CampaignSendTask';
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

/** Runs the planner job to its end; returns the seconds it took, the sends and batch jobs it left waiting and the Redis bytes they take. */
async function planOnce(system: System, campaignId: string): Promise<{ seconds: number; sends: number; jobs: number; bytes: number; members: number }> {
  const queue = system.queues.get(CAMPAIGN_SEND_QUEUE);
  const before = await redisUsedMemory(system.redis);
  const started = process.hrtime.bigint();
  const runId = await planCampaign(system, campaignId);
  const seconds = secondsSince(started);
  const bytes = (await redisUsedMemory(system.redis)) - before;
  const [counts] = (await system.dataSource.query("SELECT COUNT(*) AS members, SUM(state = 'pending') AS pending FROM campaign_sends WHERE run_id = ?", [
    runId,
  ])) as Array<{ members: string; pending: string }>;
  const sends = Number(counts!.pending);
  const jobs = await queue.getWaitingCount();
  const batch = system.config.campaigns.sendBatchSize;
  if (jobs < Math.ceil(sends / batch) || jobs > sends) throw new Error(`${sends} pending sends but ${jobs} waiting jobs (batches of ${batch})`);
  return { seconds, sends, jobs, bytes, members: Number(counts!.members) };
}

/** The batches the planner queued, in Redis order: the baseline enqueues the same payloads. */
async function plannedPayloads(queue: Bull.Queue): Promise<Array<{ data: CampaignSendPayload; jobId: string }>> {
  const jobs = await queue.getWaiting();
  return jobs.map((job) => ({ data: job.data as CampaignSendPayload, jobId: String(job.id) }));
}

/** A baseline: these jobs by bare addBulk, `page` at a time; the seconds it took and the Redis bytes they take. */
async function bareAddBulk(
  queue: Bull.Queue,
  redis: Redis,
  jobs: Array<{ data: CampaignSendPayload; jobId: string }>,
  attempts: number,
  page: number,
): Promise<{ seconds: number; bytes: number }> {
  const before = await redisUsedMemory(redis);
  const started = process.hrtime.bigint();
  for (let start = 0; start < jobs.length; start += page) {
    await queue.addBulk(jobs.slice(start, start + page).map(({ data, jobId }) => ({ name: 'campaigns.send', data, opts: { attempts, jobId } })));
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
    const batches = await plannedPayloads(sends);
    const plannedJobBytes = await bytesPerWaitingJob(sends);
    await sends.obliterate({ force: true });
    const { sendAttempts: attempts, planPageSize } = config.campaigns;

    // Baseline 1: the same batch jobs, bare. Baseline 2: one bare job per send, as unbatched.
    const sameJobs = await bareAddBulk(bare, system.redis, batches, attempts, Math.max(1, Math.round(planPageSize / config.campaigns.sendBatchSize)));
    const sameJobBytes = await bytesPerWaitingJob(bare);
    await bare.obliterate({ force: true });
    const perSend = batches.flatMap(({ data }) => sendIdsOf(data).map((sendId) => ({ data: { sendId, generation: 0 }, jobId: `campaign-send:${sendId}:g0` })));
    const unbatched = await bareAddBulk(bare, system.redis, perSend, attempts, planPageSize);
    process.stdout.write(
      `${planned.members} members planned (${planned.sends} reachable: sends in ${planned.jobs} batch jobs) in ${planned.seconds.toFixed(1)} s; ` +
        `bare addBulk of the same ${planned.jobs} jobs in ${sameJobs.seconds.toFixed(1)} s, of ${perSend.length} one-send jobs in ${unbatched.seconds.toFixed(1)} s\n`,
    );
    report('planning: send jobs enqueued per second', planned.jobs / planned.seconds, planned.jobs / sameJobs.seconds, 'jobs/s');
    report('planning: sends queued per second (vs one job each)', planned.sends / planned.seconds, perSend.length / unbatched.seconds, '/s');
    report('planning: members walked per second', planned.members / planned.seconds, perSend.length / unbatched.seconds, '/s');
    report('Redis per waiting send: used_memory delta', planned.bytes / Math.max(1, planned.sends), unbatched.bytes / Math.max(1, perSend.length), 'B');
    report('Redis per waiting job: its keys (MEMORY USAGE)', plannedJobBytes, sameJobBytes, 'B');
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
