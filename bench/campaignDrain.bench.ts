/**
 * Draining a template campaign against the WeChat simulator with the send rate
 * (`campaigns.sendRate`: the Redis rate limiter each send takes a slot of before its call,
 * under Bull's coarser guard) at a ceiling Q per second, for Q = 100 and 1,000: the achieved
 * rate as a share of Q (aim: 95% or more) and the busiest second the simulator saw, and
 * against the baseline measured in the same run: Bull's limiter alone at Q, draining as
 * many no-op jobs. Each Q sends to
 * Q × BENCH_DRAIN_SECONDS members (default 15 s), made once in a store of their own.
 *
 * The campaign is started by the same call as the console's and planned first (planning is
 * campaignPlan.bench.ts's measure); then, as in production, its send jobs run in worker
 * processes (BENCH_DRAIN_WORKERS, default 1; BENCH_DRAIN_CONCURRENCY jobs each) sharing
 * Bull's limiter through Redis. The simulator runs here and what its users received is the
 * measure: the rate of template messages from the first to the last, every member having
 * received exactly one. BENCH_DRAIN_CEILINGS=100000 (no effective ceiling) shows what the
 * workers can do unthrottled.
 *
 *   npm run bench -- campaignDrain        BENCH_DRAIN_SECONDS=5 npm run bench -- campaignDrain
 */
import { readFileSync } from 'node:fs';
import { CAMPAIGN_QUEUE, CAMPAIGN_SEND_QUEUE } from '../server/src/campaigns/campaignQueues';
import { campaignPlanTask } from '../server/src/campaigns/CampaignPlanTask';
import type { AppConfig } from '../server/src/config/configSchema';
import { createQueue, QueueConnections } from '../server/src/queue/createQueue';
import { TaskWorker } from '../server/src/queue/TaskWorker';
import { createSystem } from '../server/src/system/createSystem';
import type { System } from '../server/src/system/System';
import { spawnTsProcess } from '../server/src/testing/spawnTsProcess';
import type { TsProcess } from '../server/src/testing/spawnTsProcess';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../server/src/testing/startTestWechatSimulator';
import type { WechatSimulator } from '../server/src/wechatSimulator/startWechatSimulator';
import { benchConfig, report } from './benchSupport';
import { benchAudience, createBenchCampaign, planCampaign, PRODUCTION_QUEUE_TIMINGS, removeCampaignSends } from './campaignBenchSupport';

const SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 15);
const WORKERS = Number(process.env.BENCH_DRAIN_WORKERS ?? 1);
const CEILINGS = (process.env.BENCH_DRAIN_CEILINGS ?? '100,1000').split(',').map(Number);
const TEMPLATE_SEND = '/cgi-bin/message/template/send';

/** The configuration for ceiling `q`: enough concurrency (and connections) for the rate, production's queue timings. */
function drainConfig(sim: WechatSimulator, q: number): AppConfig {
  // Sends in flight = rate × latency: a send is a claim, a call and a transaction, up to half
  // a second on a loaded host, so Q/2 in flight leaves the limiter the bottleneck. They are
  // batches (production's sendBatchSize) of sendBatchConcurrency sends in flight each.
  const inBatch = Number(process.env.BENCH_DRAIN_BATCH_CONCURRENCY ?? 10);
  const concurrency = Number(process.env.BENCH_DRAIN_CONCURRENCY ?? Math.max(2, Math.ceil(q / 2 / inBatch)));
  return benchConfig({
    wechat: { apiBase: sim.url, oa: { ...TEST_WECHAT_APPS.oa }, mp: { ...TEST_WECHAT_APPS.mp } },
    queue: { prefix: 'toyclub-bench-drain', ...PRODUCTION_QUEUE_TIMINGS },
    // Keys of this simulator's run: a token cached from an earlier simulator would be refused (40001).
    redis: { keyPrefix: `toyclub-bench-drain:${sim.port}:` },
    database: { poolSize: Math.min(50, concurrency * inBatch) },
    campaigns: { sendRate: { max: q, durationMs: 1000 }, sendConcurrency: concurrency, sendBatchConcurrency: inBatch },
  });
}

async function startWorkers(config: AppConfig): Promise<TsProcess[]> {
  const workers = Array.from({ length: WORKERS }, () => spawnTsProcess('server/src/campaigns/testing/campaignWorker.ts', [JSON.stringify(config)]));
  await Promise.all(workers.map((worker) => worker.waitForOutput(/campaign worker ready/)));
  return workers;
}

/** CPU seconds a process has used so far (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function stopWorkers(workers: TsProcess[]): Promise<void> {
  for (const worker of workers) worker.child.kill('SIGTERM');
  await Promise.all(workers.map((worker) => worker.exited));
}

async function waitForCompletion(system: System, campaignId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (await system.dataSource.query('SELECT state FROM campaigns WHERE id = ?', [campaignId])) as Array<{ state: string }>;
    if (row?.state === 'completed') return;
    if (Date.now() > deadline) throw new Error(`campaign ${campaignId} still ${row?.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The baseline: Bull's limiter alone, with the send queue's settings, ceiling and
 * concurrency, draining as many no-op jobs in this process; the share of Q it reaches
 * bounds what any send job can.
 */
async function bareLimiterRate(config: AppConfig, jobs: number): Promise<number> {
  const connections = new QueueConnections(config.redis.url);
  const limiter = { max: config.campaigns.sendRate.max, duration: config.campaigns.sendRate.durationMs };
  const queue = createQueue<{ n: number }>('bench-bare-limited', config, connections, limiter);
  try {
    await queue.obliterate({ force: true });
    for (let from = 0; from < jobs; from += 1000) {
      await queue.addBulk(Array.from({ length: Math.min(1000, jobs - from) }, (_, offset) => ({ data: { n: from + offset } })));
    }
    const startedAt: number[] = [];
    await new Promise<void>((resolve) => {
      void queue.process(config.campaigns.sendConcurrency * config.campaigns.sendBatchConcurrency, async () => {
        startedAt.push(Date.now());
        if (startedAt.length === jobs) resolve();
      });
    });
    return (jobs - 1) / ((startedAt[jobs - 1]! - startedAt[0]!) / 1000);
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await connections.close();
  }
}

/** The most of `times` (ms, ascending) within any one second (a closed window). */
function busiestSecond(times: number[]): number {
  let busiest = 0;
  for (let first = 0, last = 0; first < times.length; first += 1) {
    while (last < times.length && times[last]! - times[first]! <= 1000) last += 1;
    busiest = Math.max(busiest, last - first);
  }
  return busiest;
}

async function drain(sim: WechatSimulator, q: number): Promise<void> {
  const config = drainConfig(sim, q);
  const system = await createSystem({ config, role: 'bench' });
  let campaignId: string | undefined;
  try {
    await Promise.all([CAMPAIGN_QUEUE, CAMPAIGN_SEND_QUEUE].map((name) => system.queues.get(name).obliterate({ force: true })));
    const members = Math.round(q * SECONDS);
    const { segmentId, openids } = await benchAudience(system, `bench-drain-${members}`, members);
    for (const openid of openids) sim.addFollower({ openid });
    // The backlog is planned first, here: what is measured is draining, not planning (campaignPlan.bench.ts).
    TaskWorker.start({ system, tasks: [campaignPlanTask] });
    campaignId = await createBenchCampaign(system, segmentId, `bench drain Q=${q}`);
    await planCampaign(system, campaignId);
    sim.clearCalls();
    const since = sim.now();
    const started = Date.now();
    const workers = await startWorkers(config);
    try {
      // Generous: a loaded host may drain far below Q (the report says how far).
      await waitForCompletion(system, campaignId, Math.max(120_000, members * 50));
      const wall = (Date.now() - started) / 1000;
      const cpu = workers.reduce((sum, worker) => sum + cpuSeconds(worker.child.pid), 0);
      // What members received: a retried call (same client_msg_id) is answered, not delivered twice.
      const received = sim.inbox().filter((entry) => entry.kind === 'template' && entry.at >= since);
      const recipients = new Set(received.map((entry) => entry.openid));
      if (received.length !== members || recipients.size !== members) throw new Error(`${members} members but ${received.length} messages to ${recipients.size} of them`);
      // n messages span n - 1 intervals from the first to the last.
      const rate = (received.length - 1) / ((received[received.length - 1]!.at - received[0]!.at) / 1000);
      // What WeChat would hold against the ceiling: the most messages in any one second.
      const busiest = busiestSecond(received.map((entry) => entry.at).sort((a, b) => a - b));
      report(`drain, ceiling Q = ${q}/s (${members} sends)`, rate, q, 'sends/s');
      const bare = await bareLimiterRate(config, members);
      report(`  same against Bull's limiter with no-op jobs`, rate, bare, 'sends/s');
      const calls = sim.calls(TEMPLATE_SEND);
      const answers = new Map<string, number>();
      for (const call of calls) {
        const answer = call.answer.kind === 'json' ? `errcode ${String((call.answer.body as { errcode?: number }).errcode ?? 0)}` : call.answer.kind;
        answers.set(answer, (answers.get(answer) ?? 0) + 1);
      }
      process.stdout.write(
        `  ${((rate / q) * 100).toFixed(1)} % of Q (Bull's limiter alone: ${((bare / q) * 100).toFixed(1)} %); ${WORKERS} worker process(es) × ${config.campaigns.sendConcurrency} batches × ${config.campaigns.sendBatchConcurrency} sends in flight; ` +
          `busiest second ${busiest} (Q = ${q}); ${calls.length} calls (${[...answers].map(([answer, n]) => `${answer} × ${n}`).join(', ')}) for ${members} messages; ${wall.toFixed(1)} s from the workers' start to completed; ` +
          `worker CPU ${((cpu / members) * 1000).toFixed(2)} ms per send, start included\n`,
      );
    } finally {
      await stopWorkers(workers);
    }
  } finally {
    if (campaignId) await removeCampaignSends(system, campaignId);
    await system.close();
  }
}

async function main(): Promise<void> {
  // No callback URL: delivery reports are not what is measured (they go to the HTTP process, not the worker).
  const sim = await startTestWechatSimulator({ jobFinishDelayMs: 600_000 });
  try {
    for (const q of CEILINGS) await drain(sim, q);
  } finally {
    await sim.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
