import type { CampaignInput, CampaignProgressDto, CampaignReportDto } from '@toyclub/shared';
import { startCampaignHarness } from '../campaigns/testing/campaignHarness';
import type { CampaignHarness } from '../campaigns/testing/campaignHarness';
import { createPurchaseAt } from '../testing/factories/createCampaignFixture';
import { createStore } from '../testing/factories/createStore';
import { readEventStream } from './readEventStream';
import { DAY_MS as DAY } from '../time/dayMs';


function reminder(segmentId: string): CampaignInput {
  return {
    name: '周末拼装活动提醒',
    segmentId,
    channel: 'template',
    content: {
      purpose: 'service',
      templateId: 'TPL_EVENT_REMINDER',
      variants: [
        { fields: { thing1: '乐高拼装小课堂', time2: '12月6日 14:00', thing3: '旗舰店' }, url: 'https://toyclub.example/events/lego' },
        { fields: { thing1: '亲子拼装体验课', time2: '12月7日 10:00', thing3: '旗舰店' }, url: 'https://toyclub.example/events/family' },
      ],
    },
    schedule: { kind: 'now' },
    holdoutPercent: 30,
  };
}

describe('campaign results of a campaign run by the engine', () => {
  let h: CampaignHarness;

  beforeAll(async () => {
    h = await startCampaignHarness({ config: { campaigns: { progressPollMs: 100 } } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('streams the progress to completion, then reports delivery and conversions against the holdout', async () => {
    const { segmentId } = await h.audience(30);
    const id = await h.launch(reminder(segmentId));
    const stream = await fetch(`${h.server.baseUrl}/api/admin/campaigns/${id}/progress/stream`, { headers: { cookie: h.owner.cookie } });
    expect(stream.status).toBe(200);
    const snapshots: CampaignProgressDto[] = [];
    let ended = '';
    for await (const event of readEventStream(stream.body!)) {
      if (event.event === 'progress') snapshots.push(JSON.parse(event.data) as CampaignProgressDto);
      if (event.event === 'end') ended = event.data;
    }
    expect(ended).toBe(JSON.stringify({ reason: 'completed' }));
    const last = snapshots.at(-1)!;
    expect(last).toMatchObject({ campaignId: id, state: 'completed', finished: true, planned: 30, done: 30, percent: 100 });
    expect(snapshots.map((snapshot) => snapshot.done)).toEqual([...snapshots.map((snapshot) => snapshot.done)].sort((a, b) => a - b));

    // Every delivery report in, then one purchase by each of two sent members and one held-out member.
    await h.waitFor(id, (detail) => detail.counts.sent === 0, 'the delivery reports');
    const sends = (await h.system.dataSource.query(
      "SELECT member_id, state, COALESCE(sent_at, created_at) AS anchor FROM campaign_sends WHERE campaign_id = ? ORDER BY id",
      [id],
    )) as Array<{ member_id: string; state: string; anchor: Date }>;
    const delivered = sends.filter((send) => send.state === 'delivered');
    const heldOut = sends.filter((send) => send.state === 'held_out');
    expect(delivered.length + heldOut.length).toBe(30);
    expect(heldOut.length).toBeGreaterThan(0);
    const { store } = await createStore(h.system);
    const buy = (send: { member_id: string; anchor: Date }, afterDays: number, amountFen: number) =>
      createPurchaseAt(h.system, { storeId: store.id, memberId: send.member_id, purchasedAt: new Date(send.anchor.getTime() + afterDays * DAY), amountFen });
    await buy(delivered[0]!, 1, 12900);
    await buy(delivered[1]!, 6.5, 4500);
    await buy(delivered[2]!, 7.5, 9900); // outside the window
    await buy(heldOut[0]!, 2, 3000);

    // Two members open the link their message carried (one of them twice): tracked per send, then redirected.
    const openidOf = new Map(
      ((await h.system.dataSource.query('SELECT member_id, openid FROM campaign_sends WHERE campaign_id = ?', [id])) as Array<{ member_id: string; openid: string }>).map(
        (row) => [row.member_id, row.openid],
      ),
    );
    const messages = h.sim.calls('/cgi-bin/message/template/send').map((call) => call.body as { touser: string; url?: string });
    const linkOf = (index: number) => messages.find((body) => body.touser === openidOf.get(delivered[index]!.member_id))!.url!;
    for (const index of [0, 0, 1]) {
      const link = linkOf(index);
      expect(link.startsWith(`${h.system.config.http.publicBaseUrl}/r/`)).toBe(true);
      const opened = await fetch(link.replace(h.system.config.http.publicBaseUrl, h.server.baseUrl), { redirect: 'manual' });
      expect(opened.status).toBe(302);
      expect(opened.headers.get('location')).toMatch(/^https:\/\/toyclub\.example\/events\/(lego|family)$/);
    }

    const report = await h.owner.get<CampaignReportDto>(`/api/admin/campaigns/${id}/report`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      audience: 30,
      heldOut: heldOut.length,
      sent: delivered.length,
      delivered: delivered.length,
      failed: { total: 0 },
      skipped: { total: 0 },
      treatment: { members: delivered.length, conversions: 2, revenueFen: 17400 },
      holdout: { members: heldOut.length, conversions: 1, revenueFen: 3000 },
      intentToTreat: { members: delivered.length, conversions: 2, revenueFen: 17400 },
      clicks: { unique: 2, total: 3 },
    });
    expect(report.body.uplift.absolute).toBeCloseTo(2 / delivered.length - 1 / heldOut.length, 6);
    expect(report.body.variants.map((variant) => variant.sent).reduce((sum, count) => sum + count, 0)).toBe(delivered.length);
  });
});
