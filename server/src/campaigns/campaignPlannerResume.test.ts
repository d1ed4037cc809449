import { createLogger } from '../logging/createLogger';
import { campaignPlanner } from './campaignPlanner';
import { startCampaignHarness } from './testing/campaignHarness';
import type { CampaignHarness } from './testing/campaignHarness';

describe('a planner that dies mid-audience', () => {
  let h: CampaignHarness;

  beforeAll(async () => {
    h = await startCampaignHarness({ config: { campaigns: { planPageSize: 500 } } });
    h.sim.setCallbackUrl(undefined);
  });
  afterAll(async () => {
    await h.close();
  });

  it('continues from its cursor when run again: every member planned and sent once', async () => {
    const { segmentId, members } = await h.audience(2600);
    const { campaignId, runId } = await h.openRun({
      name: '活动提醒',
      segmentId,
      channel: 'template',
      content: { purpose: 'service', templateId: 'TPL_EVENT_REMINDER', variants: [{ fields: { thing1: '拼装课', time2: '周六 14:00', thing3: '旗舰店' } }] },
      schedule: { kind: 'now' },
    });
    const log = createLogger(h.system.config, 'test');

    // The clock is read once per page: the fourth read "crashes" the planner after three pages.
    let reads = 0;
    const dying = (): Date => {
      reads += 1;
      if (reads === 4) throw new Error('worker killed');
      return new Date();
    };
    await expect(campaignPlanner({ system: h.system, runId, generation: 0, sweep: false, log, now: dying })).rejects.toThrow('worker killed');
    const [halfway] = (await h.system.dataSource.query('SELECT plan_cursor, planned_count, state FROM campaign_runs WHERE id = ?', [runId])) as Array<{
      plan_cursor: string;
      planned_count: number;
      state: string;
    }>;
    expect(halfway).toEqual({ plan_cursor: String(members[1499]!.id), planned_count: 1500, state: 'planning' });

    await campaignPlanner({ system: h.system, runId, generation: 0, sweep: true, log });
    const done = await h.waitFor(campaignId, (d) => d.state === 'completed', 'completion');
    expect(done.counts.sent).toBe(2600);
    expect(done.plannedCount).toBe(2600);
    const [distinct] = (await h.system.dataSource.query('SELECT COUNT(*) AS n, COUNT(DISTINCT member_id) AS members FROM campaign_sends WHERE run_id = ?', [runId])) as Array<{
      n: string;
      members: string;
    }>;
    expect(distinct).toEqual({ n: '2600', members: '2600' });
    for (const member of members) expect(h.sim.inbox(member.openid!).filter((entry) => entry.kind === 'template')).toHaveLength(1);
  });
});
