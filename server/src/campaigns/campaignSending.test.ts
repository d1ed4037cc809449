import type { CampaignInput } from '@toyclub/shared';
import { eventually } from '../testing/startOfficialAccountHarness';
import { startCampaignHarness } from './testing/campaignHarness';
import type { CampaignHarness } from './testing/campaignHarness';
import { memberDraw } from './memberDraw';

const TEMPLATE_PATH = '/cgi-bin/message/template/send';
const CUSTOM_PATH = '/cgi-bin/message/custom/send';

function eventReminder(segmentId: string, extra: Partial<CampaignInput> = {}): CampaignInput {
  return {
    name: '周末拼装活动提醒',
    segmentId,
    channel: 'template',
    content: { purpose: 'service', templateId: 'TPL_EVENT_REMINDER', variants: [{ fields: { thing1: '乐高拼装小课堂', time2: '12月6日 14:00', thing3: '旗舰店' } }] },
    schedule: { kind: 'now' },
    ...extra,
  };
}

describe('campaign sends through the simulator', () => {
  let h: CampaignHarness;

  beforeAll(async () => {
    h = await startCampaignHarness({ config: { wechat: { timeoutMs: 400 } } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('sends a template campaign once per member, skips and marks an unfollowed member (43004), and records delivery', async () => {
    const { segmentId, members } = await h.audience(12);
    const gone = members[3]!;
    h.sim.addFollower({ openid: gone.openid!, subscribed: false });
    const id = await h.launch(eventReminder(segmentId));

    const done = await h.waitFor(id, (d) => d.state === 'completed' && d.counts.sent === 0, 'completion and delivery reports');
    expect(done.counts).toEqual({ pending: 0, sent: 0, delivered: 11, failed: 0, skipped: 1, held_out: 0 });
    expect(done.skippedByReason).toEqual({ unreachable: 1 });
    expect(done.plannedCount).toBe(12);
    const [follower] = (await h.system.dataSource.query('SELECT reachable, unreachable_reason FROM oa_followers WHERE openid = ?', [gone.openid])) as Array<{
      reachable: number;
      unreachable_reason: string;
    }>;
    expect(follower).toEqual({ reachable: 0, unreachable_reason: 'unsubscribed' });
    for (const member of members.filter((m) => m !== gone)) expect(h.sim.inbox(member.openid!).filter((entry) => entry.kind === 'template')).toHaveLength(1);
  });

  it('holds out a stable share of the audience and splits two variants', async () => {
    const { segmentId, members } = await h.audience(40);
    const input = eventReminder(segmentId, { holdoutPercent: 25 });
    input.content.variants.push({ fields: { thing1: '亲子拼装体验课', time2: '12月7日 10:00', thing3: '旗舰店' } });
    const id = await h.launch(input);
    const done = await h.waitFor(id, (d) => d.state === 'completed', 'completion');
    const heldOut = members.filter((member) => memberDraw(id, member.id, 'holdout') * 100 < 25);
    expect(heldOut.length).toBeGreaterThan(0);
    expect(done.counts.held_out).toBe(heldOut.length);
    for (const member of heldOut) expect(h.sim.inbox(member.openid!)).toHaveLength(0);
    const variants = (await h.system.dataSource.query("SELECT DISTINCT variant FROM campaign_sends WHERE campaign_id = ? AND state <> 'held_out' ORDER BY variant", [
      id,
    ])) as Array<{ variant: number }>;
    expect(variants.map((row) => row.variant)).toEqual([0, 1]);
  });

  it('retries -1 and timeouts with the same client_msg_id and delivers once', async () => {
    const { segmentId, members } = await h.audience(6);
    h.sim.clearCalls();
    h.sim.addFault({ path: TEMPLATE_PATH, errcode: -1, count: 5 });
    h.sim.addFault({ path: TEMPLATE_PATH, latencyMs: 1500, processFirst: true, count: 3 });
    const id = await h.launch(eventReminder(segmentId));
    const done = await h.waitFor(id, (d) => d.state === 'completed', 'completion');
    expect(done.counts.pending + done.counts.failed + done.counts.skipped).toBe(0);
    const calls = h.sim.calls(TEMPLATE_PATH);
    expect(calls.length).toBeGreaterThan(members.length);
    for (const member of members) {
      expect(h.sim.inbox(member.openid!).filter((entry) => entry.kind === 'template')).toHaveLength(1);
      const ids = new Set(calls.filter((call) => (call.body as { touser: string }).touser === member.openid).map((call) => (call.body as { client_msg_id: string }).client_msg_id));
      expect(ids.size).toBe(1);
    }
  });

  it('does not call again for a custom-service message whose outcome is unknown: it fails instead of going twice', async () => {
    const { segmentId, members } = await h.audience(3, { lastInteractionAt: new Date(Date.now() - 3_600_000) });
    h.sim.clearCalls();
    // The first call is carried out but answered too late (timeoutMs 400): it may have gone out.
    h.sim.addFault({ path: CUSTOM_PATH, latencyMs: 1500, processFirst: true, count: 1 });
    const id = await h.launch({
      name: '到货通知',
      segmentId,
      channel: 'custom_service',
      content: { purpose: 'marketing', variants: [{ text: '您咨询的乐高城市警察局已到货' }] },
      schedule: { kind: 'now' },
    });
    const done = await h.waitFor(id, (d) => d.state === 'completed', 'completion');
    expect(done.counts.failed).toBe(1);
    expect(done.counts.sent).toBe(2);
    // The late answer is logged once it is given.
    await eventually(async () => (h.sim.calls(CUSTOM_PATH).length >= 3 ? true : null), 'the late call in the log');
    for (const member of members) {
      expect(h.sim.calls(CUSTOM_PATH).filter((call) => (call.body as { touser: string }).touser === member.openid)).toHaveLength(1);
      expect(h.sim.inbox(member.openid!).filter((entry) => entry.kind === 'custom')).toHaveLength(1);
    }
  });

  it('pauses until the next day on 45009 and finishes after the resume', async () => {
    const { segmentId, members } = await h.audience(5);
    h.sim.addFault({ path: TEMPLATE_PATH, errcode: 45009, count: 1 });
    const id = await h.launch(eventReminder(segmentId));
    const paused = await h.waitFor(id, (d) => d.state === 'paused', 'the quota pause');
    expect(paused.pausedUntil).not.toBeNull();
    const until = new Date(paused.pausedUntil!);
    expect(until.getTime()).toBeGreaterThan(Date.now());
    // Midnight in the stores' time zone (UTC+8).
    expect((until.getUTCHours() + 8) % 24).toBe(0);
    const resume = await eventually(() => h.system.queues.get('campaigns').getJob(`campaign-resume:${id}:${until.getTime()}`), 'the delayed resume job');
    expect(await resume.isDelayed()).toBe(true);
    await resume.promote(); // tomorrow comes early
    const done = await h.waitFor(id, (d) => d.state === 'completed', 'completion after the resume');
    expect(done.counts.pending).toBe(0);
    for (const member of members) expect(h.sim.inbox(member.openid!).filter((entry) => entry.kind === 'template')).toHaveLength(1);
  });
});
