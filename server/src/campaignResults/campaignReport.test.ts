import { randomInt } from 'node:crypto';
import type { ApiErrorBody, CampaignReportDto } from '@toyclub/shared';
import { settleTemplateSend } from '../officialAccount/templateSends/settleTemplateSend';
import { createCampaignFixture, createPurchaseAt } from '../testing/factories/createCampaignFixture';
import { createMember } from '../testing/factories/createMember';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { clickToken } from './clickTokens';
import { DAY_MS as DAY } from '../time/dayMs';
import { useTestServer } from '../testing/useTestServer';


describe('campaign report', () => {
  const harness = useTestServer();

  let owner: Awaited<ReturnType<typeof staffClient>>;
  const msgId = () => `9${randomInt(100_000_000, 999_999_999)}${randomInt(100_000_000, 999_999_999)}`;

  beforeAll(async () => {
    owner = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'owner' })).username);
  });

  it('counts the funnel, clicks, conversions in the window and the uplift over the holdout, per variant (hand-computed)', async () => {
    const { store } = await createStore(harness.system);
    const m = await Promise.all(Array.from({ length: 17 }, async () => (await createMember(harness.system)).member.id));
    const t0 = new Date(Date.now() - 30 * DAY);
    const at = (days: number) => new Date(t0.getTime() + days * DAY);
    const buy = (memberId: string, days: number, amountFen: number, refundedFen = 0) =>
      createPurchaseAt(harness.system, { storeId: store.id, memberId, purchasedAt: at(days), amountFen, refundedFen });
    const a = await createCampaignFixture(harness.system, { state: 'completed', holdoutPercent: 20 });
    const b = await createCampaignFixture(harness.system, { state: 'completed' });

    // Variant 0, as the engine leaves the records: m1 delivered; m2 sent, its delivery
    // report kept before the record had its msgid; m3 sent; m4 accepted, then reported
    // blocked (failed without an error code); m8 failed, m10 skipped, m12 pending.
    const m1 = await a.addSend({ memberId: m[1]!, state: 'delivered', variant: 0, sentAt: t0, wechatMsgId: msgId() });
    const m2Msg = msgId();
    await settleTemplateSend(harness.system.dataSource, { msgId: m2Msg, openid: 'o-m2', status: 'success', at: at(0.01) });
    await a.addSend({ memberId: m[2]!, state: 'sent', variant: 0, sentAt: t0, wechatMsgId: m2Msg });
    await a.addSend({ memberId: m[3]!, state: 'sent', variant: 0, sentAt: t0 });
    const m4Msg = msgId();
    await a.addSend({ memberId: m[4]!, state: 'failed', variant: 0, sentAt: t0, wechatMsgId: m4Msg });
    await settleTemplateSend(harness.system.dataSource, { msgId: m4Msg, openid: 'o-m4', status: 'failed:user block', at: at(0.01) });
    await a.addSend({ memberId: m[8]!, state: 'failed', variant: 0, errorCode: 40003, createdAt: t0 });
    await a.addSend({ memberId: m[10]!, state: 'skipped', variant: 0, skipReason: 'no_follower', createdAt: t0 });
    await a.addSend({ memberId: m[12]!, state: 'pending', variant: 0, createdAt: t0 });
    // Variant 1: m5, m6, m7 sent; m9 failed, m11 skipped.
    await a.addSend({ memberId: m[5]!, state: 'sent', variant: 1, sentAt: t0 });
    await a.addSend({ memberId: m[6]!, state: 'sent', variant: 1, sentAt: t0 });
    const m7 = await a.addSend({ memberId: m[7]!, state: 'sent', variant: 1, sentAt: t0 });
    await a.addSend({ memberId: m[9]!, state: 'failed', variant: 1, errorCode: 45047, createdAt: t0 });
    await a.addSend({ memberId: m[11]!, state: 'skipped', variant: 1, skipReason: 'frequency_cap', createdAt: t0 });
    // Held out at t0: m13..m16.
    for (const index of [13, 14, 15, 16]) await a.addSend({ memberId: m[index]!, state: 'held_out', createdAt: t0 });
    // Campaign B reaches m6 and m16 a day later, so their purchases after that are B's.
    await b.addSend({ memberId: m[6]!, state: 'sent', sentAt: at(1) });
    await b.addSend({ memberId: m[16]!, state: 'sent', sentAt: at(1) });

    await buy(m[1]!, 2, 10000); // A, variant 0: converts
    await buy(m[2]!, 8, 9900); // outside the 7-day window
    await buy(m[3]!, 1, 5000, 5000); // fully refunded: no conversion
    await buy(m[3]!, 3, 3000, 1000); // converts, 2000 net
    await buy(m[5]!, -1, 7000); // before the send
    await buy(m[6]!, 2, 6000); // after B's send: B's
    await buy(m[10]!, 1, 2500); // skipped (no follower): counts for intent to treat only
    await buy(m[13]!, 1, 8000); // holdout converts
    await buy(m[15]!, 10, 4000); // holdout, outside the window
    await buy(m[16]!, 2, 5000); // after B's send: B's
    await buy(m[16]!, 0.5, 1500); // m16 before B's send: A's holdout converts

    for (const click of [m7, m7, m1]) {
      const response = await fetch(`${harness.server.baseUrl}/r/${clickToken(harness.system.config, { sendId: click.id, target: 'https://toyclub.example/e/1' })}`, { redirect: 'manual' });
      expect(response.status).toBe(302);
    }

    const report = await owner.get<CampaignReportDto>(`/api/admin/campaigns/${a.campaign.id}/report`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      campaignId: a.campaign.id,
      state: 'completed',
      conversionWindowDays: 7,
      audience: 16,
      heldOut: 4,
      pending: 1,
      sent: 6,
      delivered: 2,
      deliveryFailed: { total: 1, byStatus: [{ status: 'failed:user block', count: 1 }] },
      failed: { total: 3, byError: [{ error: '40003', count: 1 }, { error: '45047', count: 1 }, { error: 'failed:user block', count: 1 }] },
      skipped: { total: 2, byReason: [{ reason: 'frequency_cap', count: 1 }, { reason: 'no_follower', count: 1 }] },
      clicks: { unique: 2, total: 3 },
      treatment: { members: 6, conversions: 2, purchases: 2, revenueFen: 12000 },
      holdout: { members: 4, conversions: 2, purchases: 2, revenueFen: 9500 },
    });
    const body = report.body;
    expect(body.clicks.clickRate).toBeCloseTo(2 / 6, 6);
    expect(body.treatment.conversionRate).toBeCloseTo(2 / 6, 6);
    expect(body.treatment.revenuePerMemberFen).toBe(2000);
    expect(body.holdout).toMatchObject({ conversionRate: 0.5, revenuePerMemberFen: 2375 });
    expect(body.uplift.absolute).toBeCloseTo(1 / 3 - 1 / 2, 6);
    expect(body.uplift.relative).toBeCloseTo((1 / 3 - 1 / 2) / (1 / 2), 6);
    // Intent to treat: the 12 not held out, reached or not (m1, m3 and the skipped m10 converted).
    expect(body.intentToTreat).toMatchObject({ members: 12, conversions: 3, purchases: 3, revenueFen: 14500, conversionRate: 0.25 });
    expect(body.upliftIntentToTreat).toEqual({ absolute: -0.25, relative: -0.5 });
    expect(body.variants).toHaveLength(2);
    expect(body.variants[0]).toMatchObject({ variant: 0, audience: 7, sent: 3, delivered: 2, deliveryFailed: 1, failed: 2, skipped: 1, uniqueClicks: 1 });
    expect(body.variants[0]!.clickRate).toBeCloseTo(1 / 3, 6);
    expect(body.variants[0]!.result).toMatchObject({ members: 3, conversions: 2, revenueFen: 12000 });
    expect(body.variants[0]!.result.conversionRate).toBeCloseTo(2 / 3, 6);
    expect(body.variants[0]!.uplift.absolute).toBeCloseTo(2 / 3 - 1 / 2, 6);
    expect(body.variants[0]!.uplift.relative).toBeCloseTo((2 / 3 - 1 / 2) / (1 / 2), 6);
    expect(body.variants[1]).toMatchObject({ variant: 1, audience: 5, sent: 3, delivered: 0, failed: 1, skipped: 1, uniqueClicks: 1 });
    expect(body.variants[1]!.result).toMatchObject({ members: 3, conversions: 0, revenueFen: 0, conversionRate: 0 });
    expect(body.variants[1]!.uplift).toEqual({ absolute: -0.5, relative: -1 });

    const other = await owner.get<CampaignReportDto>(`/api/admin/campaigns/${b.campaign.id}/report`);
    expect(other.body).toMatchObject({ audience: 2, sent: 2, treatment: { members: 2, conversions: 2, purchases: 2, revenueFen: 11000 }, holdout: { members: 0 }, uplift: { absolute: null, relative: null } });
  });

  it('answers 404 for an unknown campaign, 401 without a staff session and 403 to a clerk', async () => {
    expect(await owner.get<ApiErrorBody>('/api/admin/campaigns/999999999/report')).toMatchObject({ status: 404, body: { error: 'campaign_not_found' } });
    const anonymous = await fetch(`${harness.server.baseUrl}/api/admin/campaigns/1/report`);
    expect(anonymous.status).toBe(401);
    const clerk = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'clerk' })).username);
    expect(await clerk.get<ApiErrorBody>('/api/admin/campaigns/1/report')).toMatchObject({ status: 403, body: { error: 'permission_denied' } });
  });
});
