/**
 * The campaign engine on the bench database.
 *
 * 1. Planning: a template campaign to every seeded member (BENCH_CAMPAIGN_MEMBERS, default
 *    1,000,000; seeded by bench/seedMembers.ts when missing), through the real planner
 *    (keyset pages, INSERT IGNORE of send records, bulk enqueue with deterministic ids):
 *    send jobs enqueued per second, against bare Bull `addBulk` of as many jobs in pages
 *    of the same size, in the same run. Also Redis memory per waiting job, both ways.
 * 2. Draining: a campaign of Q × BENCH_CAMPAIGN_DRAIN_SECONDS members (default 10 s)
 *    sent by an in-process worker against the simulator, with the send queue's limiter
 *    at Q per second, for Q = 100 and 1,000: the achieved rate as a share of Q.
 *
 *   npm run bench -- campaign        BENCH_CAMPAIGN_MEMBERS=20000 npm run bench -- campaign
 */
import type Bull from 'bull';
import { CAMPAIGN_SEND_QUEUE } from '../server/src/campaigns/campaignQueues';
import { campaignPlanner } from '../server/src/campaigns/campaignPlanner';
import { campaignRunStarter } from '../server/src/campaigns/campaignStateChanges';
import { CAMPAIGN_TASKS } from '../server/src/campaigns/testing/campaignTasks';
import { createLogger } from '../server/src/logging/createLogger';
import { TaskWorker } from '../server/src/queue/TaskWorker';
import { createSystem } from '../server/src/system/createSystem';
import type { System } from '../server/src/system/System';
import { createMembersBulk } from '../server/src/testing/factories/createMembersBulk';
import { createSegment } from '../server/src/testing/factories/createSegment';
import { createStore } from '../server/src/testing/factories/createStore';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../server/src/testing/startTestWechatSimulator';
import type { WechatSimulator } from '../server/src/wechatSimulator/startWechatSimulator';
import { benchConfig, report } from './benchSupport';
import { seedMembers } from './seedMembers';

const MEMBERS = Number(process.env.BENCH_CAMPAIGN_MEMBERS ?? 1_000_000);
const DRAIN_SECONDS = Number(process.env.BENCH_CAMPAIGN_DRAIN_SECONDS ?? 10);
const PAGE = 1000;
const CONTENT = { purpose: 'service' as const, templateId: 'TPL_POINTS_CHANGE', variants: [{ fields: { thing1: '年终积分加赠', number2: '100', number3: '1200' } }] };

async function redisUsedMemory(system: System): Promise<number> {
  const info = await system.redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

/** A scheduled template campaign to `segmentId`, inserted directly (the composer's checks are not what is measured). */
async function insertCampaign(system: System, segmentId: number, name: string): Promise<string> {
  const result = (await system.dataSource.query(
    `INSERT INTO campaigns (name, segment_id, channel, content, schedule_kind, holdout_percent, state) VALUES (?, ?, 'template', ?, 'now', 0, 'scheduled')`,
    [name, segmentId, JSON.stringify(CONTENT)],
  )) as { insertId: number };
  return String(result.insertId);
}

async function removeCampaignRows(system: System, campaignId: string): Promise<void> {
  for (;;) {
    const result = (await system.dataSource.query('DELETE FROM campaign_sends WHERE campaign_id = ? LIMIT 50000', [campaignId])) as { affectedRows: number };
    if (result.affectedRows === 0) break;
  }
}

/** The planning audience: the seeded million, or (for a quick try with fewer) a fresh store of that many. */
async function planningSegment(system: System): Promise<number> {
  if (MEMBERS < 1_000_000) {
    const { store } = await createStore(system, { name: '压测门店' });
    await createMembersBulk(system, { count: MEMBERS, storeId: store.id });
    return createSegment(system, { definition: { op: 'and', rules: [{ kind: 'registration_store', storeIds: [Number(store.id)] }] } });
  }
  await seedMembers(MEMBERS);
  const stores = (await system.dataSource.query("SELECT id FROM stores WHERE code LIKE 'seed-s%'")) as Array<{ id: string }>;
  return createSegment(system, {
    name: '全部种子会员',
    definition: { op: 'and', rules: [{ kind: 'registration_store', storeIds: stores.map((store) => Number(store.id)) }] },
  });
}

async function benchPlanning(): Promise<void> {
  const system = await createSystem({ config: benchConfig({ campaigns: { planPageSize: PAGE } }), role: 'bench' });
  const sends = system.queues.get(CAMPAIGN_SEND_QUEUE);
  const bare: Bull.Queue = system.queues.get('bench-bare-addbulk');
  try {
    await sends.obliterate({ force: true });
    await bare.obliterate({ force: true });
    const segmentId = await planningSegment(system);
    const campaignId = await insertCampaign(system, segmentId, 'bench planning');
    const run = (await system.dataSource.query("INSERT INTO campaign_runs (campaign_id, occurrence_key, state) VALUES (?, 'once', 'planning')", [campaignId])) as {
      insertId: number;
    };
    const memoryBefore = await redisUsedMemory(system);
    const started = process.hrtime.bigint();
    await campaignPlanner({ system, runId: String(run.insertId), generation: 0, sweep: false, log: createLogger(system.config, 'bench') });
    const planSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const jobs = await sends.getWaitingCount();
    const memoryPerJob = (await redisUsedMemory(system)) - memoryBefore;
    const [row] = (await system.dataSource.query('SELECT planned_count FROM campaigns WHERE id = ?', [campaignId])) as Array<{ planned_count: number }>;

    const bareBefore = await redisUsedMemory(system);
    const bareStarted = process.hrtime.bigint();
    for (let start = 0; start < jobs; start += PAGE) {
      const count = Math.min(PAGE, jobs - start);
      await bare.addBulk(
        Array.from({ length: count }, (_, offset) => ({ name: 'campaigns.send', data: { sendId: String(start + offset), generation: 0 }, opts: { jobId: `bare:${start + offset}:g0` } })),
      );
    }
    const bareSeconds = Number(process.hrtime.bigint() - bareStarted) / 1e9;
    const bareMemory = (await redisUsedMemory(system)) - bareBefore;

    process.stdout.write(`planned ${row?.planned_count ?? 0} members (${jobs} send jobs) in ${planSeconds.toFixed(1)} s; bare addBulk ${bareSeconds.toFixed(1)} s\n`);
    report('planning: send jobs enqueued per second', jobs / planSeconds, jobs / bareSeconds, 'jobs/s');
    report('planning: members planned per second', (row?.planned_count ?? 0) / planSeconds, jobs / bareSeconds, '/s');
    report('Redis memory per waiting job', memoryPerJob / Math.max(1, jobs), bareMemory / Math.max(1, jobs), 'bytes');
    await removeCampaignRows(system, campaignId);
  } finally {
    await sends.obliterate({ force: true }).catch(() => undefined);
    await bare.obliterate({ force: true }).catch(() => undefined);
    await system.close();
  }
}

async function benchDrain(sim: WechatSimulator, q: number): Promise<void> {
  const count = q * DRAIN_SECONDS;
  const config = benchConfig({
    wechat: { apiBase: sim.url, oa: { ...TEST_WECHAT_APPS.oa }, mp: { ...TEST_WECHAT_APPS.mp } },
    redis: { keyPrefix: `toyclub-bench-drain-${q}:` },
    queue: { prefix: `toyclub-bench-drain-${q}` },
    database: { poolSize: 30 },
    // Enough sends in flight to cover the per-send latency at Q (the limiter, not concurrency, sets the pace).
    campaigns: { sendRate: { max: q, durationMs: 1000 }, sendConcurrency: Math.max(50, Math.ceil(q / 4)) },
  });
  const system = await createSystem({ config, role: 'bench', migrate: false });
  try {
    await system.queues.get(CAMPAIGN_SEND_QUEUE).obliterate({ force: true });
    const { store } = await createStore(system, { name: `压测门店 Q${q}` });
    const members = await createMembersBulk(system, { count, storeId: store.id });
    for (const member of members) sim.addFollower({ openid: member.openid! });
    const segmentId = await createSegment(system, { definition: { op: 'and', rules: [{ kind: 'registration_store', storeIds: [Number(store.id)] }] } });
    TaskWorker.start({ system, tasks: CAMPAIGN_TASKS, concurrencyByQueue: { [CAMPAIGN_SEND_QUEUE]: config.campaigns.sendConcurrency } });
    const campaignId = await insertCampaign(system, segmentId, `bench drain Q=${q}`);
    await campaignRunStarter({ system, campaignId, occurrenceKey: 'once' });
    for (;;) {
      const [state] = (await system.dataSource.query('SELECT state FROM campaigns WHERE id = ?', [campaignId])) as Array<{ state: string }>;
      if (state?.state === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [span] = (await system.dataSource.query(
      "SELECT COUNT(*) AS n, TIMESTAMPDIFF(MICROSECOND, MIN(sent_at), MAX(sent_at)) / 1e6 AS seconds FROM campaign_sends WHERE campaign_id = ? AND state = 'sent'",
      [campaignId],
    )) as Array<{ n: string; seconds: string }>;
    // n sends span n - 1 intervals from the first to the last.
    const rate = (Number(span!.n) - 1) / Number(span!.seconds);
    report(`drain against the simulator, Q = ${q}/s (${span!.n} sends)`, rate, q, 'sends/s');
    process.stdout.write(`  achieved ${((rate / q) * 100).toFixed(1)} % of Q\n`);
    await removeCampaignRows(system, campaignId);
  } finally {
    await system.close();
  }
}

async function main(): Promise<void> {
  await benchPlanning();
  const sim = await startTestWechatSimulator({ jobFinishDelayMs: 60_000 });
  sim.setQuota('/cgi-bin/message/template/send', { daily: 100_000_000 });
  try {
    for (const q of [100, 1000]) await benchDrain(sim, q);
  } finally {
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
