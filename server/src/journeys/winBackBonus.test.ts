import type { PointsEntriesPageDto } from '@toyclub/shared';
import { startCampaignHarness } from '../campaigns/testing/campaignHarness';
import type { CampaignHarness } from '../campaigns/testing/campaignHarness';
import { MemberSession } from '../members/MemberSession';
import { randomToken, tokenHash } from '../security/secretTokens';
import { createMembersBulk } from '../testing/factories/createMembersBulk';
import type { BulkMember } from '../testing/factories/createMembersBulk';
import { createStore } from '../testing/factories/createStore';
import { ledgerTotals } from '../testing/factories/ledgerChecks';
import { memberClient } from '../testing/factories/memberClient';
import { eventually } from '../testing/startOfficialAccountHarness';
import { churnJourney } from './churnJourney';
import { chineseDate } from './journeyFields';
import { journeyRunner } from './journeyRunner';
import type { JourneyRunResult } from './journeyRunner';
import type { JourneyScope } from './journeyScope';
import { journeysConfigSchema } from './journeysConfigSchema';
import { DAY_MS } from '../time/dayMs';


interface BonusRow {
  id: string;
  delta: number;
  ref_type: string;
  ref_id: string;
  idempotency_key: string;
  expires_at: Date;
}

describe('the churn warning’s win-back bonus', () => {
  let h: CampaignHarness;

  beforeAll(async () => {
    h = await startCampaignHarness({ config: { journeys: { quietHours: null, frequencyCap: { maxSends: 1, perDays: 7 } } } });
  });
  afterAll(async () => {
    await h.close();
  });

  /** A member of a fresh store (the scope keeps other tests' members out), an OA follower, now in 流失风险. */
  async function churningMember(): Promise<{ scope: JourneyScope; member: BulkMember }> {
    const { store } = await createStore(h.system);
    const [member] = await createMembersBulk(h.system, { count: 1, storeId: store.id });
    h.sim.addFollower({ openid: member!.openid! });
    // Usually back every 10 days, last seen 30 days ago.
    await h.system.dataSource.query(
      `INSERT INTO member_stats (member_id, first_purchase_at, last_purchase_at, purchase_count, total_spend_fen, average_ticket_fen, average_interval_days,
         count_90d, spend_90d_fen, count_365d, spend_365d_fen, windows_as_of) VALUES (?, ?, ?, 3, 30000, 10000, 10, 3, 30000, 3, 30000, ?)`,
      [member!.id, new Date(Date.now() - 50 * DAY_MS), new Date(Date.now() - 30 * DAY_MS), new Date()],
    );
    return { scope: { registrationStoreId: store.id }, member: member! };
  }

  function run(scope: JourneyScope, now?: Date): Promise<JourneyRunResult> {
    return journeyRunner({ system: h.system, key: 'churn', scope, now, log: h.system.logger });
  }

  function ran(result: JourneyRunResult): Extract<JourneyRunResult, { state: 'ran' }> {
    if (result.state !== 'ran') throw new Error(`journey did not run: ${JSON.stringify(result)}`);
    return result;
  }

  async function bonuses(member: BulkMember): Promise<BonusRow[]> {
    return (await h.system.dataSource.query(
      "SELECT id, delta, ref_type, ref_id, idempotency_key, expires_at FROM points_entries WHERE member_id = ? AND reason = 'winback_bonus' ORDER BY id",
      [member.id],
    )) as BonusRow[];
  }

  async function warnings(member: BulkMember, campaignId: string): Promise<Array<Record<string, { value: string }>>> {
    await eventually(async () => {
      const rows = (await h.system.dataSource.query("SELECT 1 FROM campaign_sends WHERE campaign_id = ? AND state = 'pending' LIMIT 1", [campaignId])) as unknown[];
      return rows.length === 0 ? true : null;
    }, 'the journey sends to settle');
    return h.sim
      .inbox(member.openid!)
      .filter((entry) => entry.kind === 'template')
      .map((entry) => (entry.payload as { data: Record<string, { value: string }> }).data);
  }

  /** The member's mini-program client (a session as sign-in would make). */
  async function signIn(member: BulkMember): Promise<ReturnType<typeof memberClient>> {
    const token = randomToken();
    await h.system.dataSource.getRepository(MemberSession).insert({ memberId: String(member.id), tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + 3_600_000) });
    return memberClient(h.server.baseUrl, token);
  }

  it('credits the bonus once per episode with a warning that states it, even when the job runs twice at once, and shows it in the member’s ledger', async () => {
    const settings = h.system.config.journeys.churn;
    const { scope, member } = await churningMember();
    const now = new Date();
    const [first, second] = await Promise.all([run(scope, now), run(scope, now)]);
    const third = ran(await run(scope, now));
    expect(ran(first).planned + ran(second).planned + third.planned).toBe(1);
    expect(ran(first).granted + ran(second).granted + third.granted).toBe(1);

    const [enrolment] = (await h.system.dataSource.query("SELECT id, occasion_key FROM journey_enrolments WHERE member_id = ? AND journey_key = 'churn'", [member.id])) as Array<{
      id: string;
      occasion_key: string;
    }>;
    const rows = await bonuses(member);
    expect(rows).toHaveLength(1);
    const bonus = rows[0]!;
    expect(bonus).toMatchObject({ delta: settings.bonusPoints, ref_type: 'journey_enrolment', ref_id: String(enrolment!.id), idempotency_key: `winback:${enrolment!.occasion_key}` });
    expect(new Date(bonus.expires_at).getTime()).toBe(now.getTime() + settings.offerValidDays * DAY_MS);
    expect(await ledgerTotals(h.system, String(member.id))).toEqual({ balance: settings.bonusPoints, entries: settings.bonusPoints, lots: settings.bonusPoints, count: 1 });

    const validUntil = chineseDate(new Date(bonus.expires_at), h.system.config.membership.timeZone);
    const sent = await warnings(member, third.campaignId);
    expect(sent).toEqual([{ thing1: { value: settings.offer }, time2: { value: validUntil } }]);
    expect(sent[0]!.thing1!.value).toContain(String(settings.bonusPoints));
    // The warning gave the date: no points-expiry reminder of the bonus follows it.
    expect(ran(await journeyRunner({ system: h.system, key: 'expiry', scope, now, log: h.system.logger })).enrolled).toBe(0);

    const ledger = await (await signIn(member)).get<PointsEntriesPageDto>('/api/mp/points/entries');
    expect(ledger.status).toBe(200);
    expect(ledger.body.balance).toBe(settings.bonusPoints);
    expect(ledger.body.entries).toEqual([
      expect.objectContaining({ reason: 'winback_bonus', reasonLabel: '回归礼积分', delta: settings.bonusPoints, note: `有效期至${validUntil}`, expiresAt: new Date(bonus.expires_at).toISOString() }),
    ]);

    // The member came back and lapsed again: a new episode, a new bonus, once.
    await h.system.dataSource.query('UPDATE member_stats SET last_purchase_at = ?, purchase_count = 4 WHERE member_id = ?', [new Date(Date.now() - 8 * DAY_MS), member.id]);
    const later = new Date(Date.now() + 10 * DAY_MS);
    expect(ran(await run(scope, later)).granted).toBe(1);
    expect(ran(await run(scope, later)).granted).toBe(0);
    expect((await bonuses(member)).map((row) => row.delta)).toEqual([settings.bonusPoints, settings.bonusPoints]);
  });

  it('grants nothing when the run dies before its commit, and once when the job is retried', async () => {
    const { scope, member } = await churningMember();
    const grant = churnJourney.grant!;
    churnJourney.grant = async (query) => {
      // The bonus is written, then the worker dies before the transaction commits.
      await grant(query);
      throw new Error('worker died');
    };
    try {
      await expect(run(scope)).rejects.toThrow('worker died');
    } finally {
      churnJourney.grant = grant;
    }
    expect(await bonuses(member)).toEqual([]);
    expect(await h.system.dataSource.query('SELECT id FROM journey_enrolments WHERE member_id = ?', [member.id])).toEqual([]);
    expect(await ledgerTotals(h.system, String(member.id))).toMatchObject({ balance: 0, count: 0 });

    const retried = ran(await run(scope));
    expect(retried).toMatchObject({ planned: 1, granted: 1 });
    expect(ran(await run(scope)).granted).toBe(0);
    expect(await bonuses(member)).toHaveLength(1);
    expect(await ledgerTotals(h.system, String(member.id))).toMatchObject({ balance: h.system.config.journeys.churn.bonusPoints, count: 1 });
    expect(await warnings(member, retried.campaignId)).toHaveLength(1);
  });

  it('sends the offer text only when the bonus is off', async () => {
    const settings = h.system.config.journeys.churn;
    const { offer, bonusPoints } = settings;
    settings.offer = '回归礼：满199减30元';
    settings.bonusPoints = 0;
    const { scope, member } = await churningMember();
    try {
      const result = ran(await run(scope));
      expect(result).toMatchObject({ planned: 1, granted: 0 });
      expect((await warnings(member, result.campaignId)).map((data) => data.thing1)).toEqual([{ value: '回归礼：满199减30元' }]);
    } finally {
      settings.offer = offer;
      settings.bonusPoints = bonusPoints;
    }
    expect(await bonuses(member)).toEqual([]);
    expect(await ledgerTotals(h.system, String(member.id))).toMatchObject({ balance: 0, count: 0 });
  });

  it('refuses a configuration whose offer text does not state the bonus points', () => {
    const churn = journeysConfigSchema.shape.churn;
    const base = { ...h.system.config.journeys.churn, offerValidDays: 14 };
    expect(churn.safeParse({ ...base, offer: '回归礼：赠送100积分', bonusPoints: 100 }).success).toBe(true);
    expect(churn.safeParse({ ...base, offer: '回归礼：赠送1000积分', bonusPoints: 100 }).success).toBe(false);
    expect(churn.safeParse({ ...base, offer: '回归礼：满199减30元', bonusPoints: 100 }).success).toBe(false);
    expect(churn.safeParse({ ...base, offer: '回归礼：满199减30元', bonusPoints: 0 }).success).toBe(true);
    expect(churn.safeParse({ ...base, offer: '回归礼', bonusPoints: -5 }).success).toBe(false);
  });
});
