import { spawnTsProcess } from '../testing/spawnTsProcess';
import type { TsProcess } from '../testing/spawnTsProcess';
import { eventually } from '../testing/startOfficialAccountHarness';
import { startCampaignHarness } from './testing/campaignHarness';
import type { CampaignHarness } from './testing/campaignHarness';

const WORKER_ENTRY = 'server/src/campaigns/testing/campaignWorker.ts';
const TEMPLATE_PATH = '/cgi-bin/message/template/send';
const MEMBERS = 10_000;

describe('a campaign worker killed mid-campaign', () => {
  let h: CampaignHarness;
  const workers: TsProcess[] = [];

  beforeAll(async () => {
    h = await startCampaignHarness({ inProcessWorker: false });
    // Delivery reports are not what this test is about; 10 000 pushes would only slow it.
    h.sim.setCallbackUrl(undefined);
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await h.close();
  });

  const startWorker = async (): Promise<TsProcess> => {
    const { config } = h.system;
    const overrides = {
      database: { url: config.database.url },
      redis: { keyPrefix: config.redis.keyPrefix },
      queue: { prefix: config.queue.prefix },
      wechat: { apiBase: config.wechat.apiBase, oa: config.wechat.oa, mp: config.wechat.mp },
      // Slow enough that the kill lands in the middle.
      campaigns: { sendRate: { max: 1500, durationMs: 1000 }, sendConcurrency: 20 },
    };
    const worker = spawnTsProcess(WORKER_ENTRY, [JSON.stringify(overrides)]);
    workers.push(worker);
    await worker.waitForOutput(/campaign worker ready/);
    return worker;
  };

  const countSent = async (id: string): Promise<number> => {
    const [row] = (await h.system.dataSource.query("SELECT COUNT(*) AS n FROM campaign_sends WHERE campaign_id = ? AND state = 'sent'", [id])) as Array<{ n: string }>;
    return Number(row!.n);
  };

  it('finishes after a restart with every member sent exactly once (simulator call log and inbox)', async () => {
    const { segmentId, members } = await h.audience(MEMBERS);
    const first = await startWorker();
    h.sim.clearCalls();
    const id = await h.launch({
      name: '积分变动提醒',
      segmentId,
      channel: 'template',
      content: { purpose: 'service', templateId: 'TPL_POINTS_CHANGE', variants: [{ fields: { thing1: '年终积分加赠', number2: '100', number3: '1200' } }] },
      schedule: { kind: 'now' },
    });
    await eventually(async () => ((await countSent(id)) >= 2500 ? true : null), 'a quarter of the sends', 180_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const sentAtKill = await countSent(id);
    expect(sentAtKill).toBeLessThan(MEMBERS);

    await startWorker();
    const done = await h.waitFor(id, (d) => d.state === 'completed', 'the campaign to complete after the restart', 300_000);
    expect(done.counts).toEqual({ pending: 0, sent: MEMBERS, delivered: 0, failed: 0, skipped: 0, held_out: 0 });

    const delivered = new Map<string, number>();
    for (const entry of h.sim.inbox()) if (entry.kind === 'template') delivered.set(entry.openid, (delivered.get(entry.openid) ?? 0) + 1);
    const keysByOpenid = new Map<string, Set<string>>();
    for (const call of h.sim.calls(TEMPLATE_PATH)) {
      const body = call.body as { touser: string; client_msg_id: string };
      const keys = keysByOpenid.get(body.touser) ?? new Set<string>();
      keys.add(body.client_msg_id);
      keysByOpenid.set(body.touser, keys);
    }
    for (const member of members) {
      expect(delivered.get(member.openid!)).toBe(1);
      expect(keysByOpenid.get(member.openid!)?.size).toBe(1);
    }
    expect(delivered.size).toBe(MEMBERS);
  }, 600_000);
});
