import type { JourneyDto, JourneyKey, JourneyListDto, QuietHours } from '@toyclub/shared';
import { startCampaignHarness } from '../campaigns/testing/campaignHarness';
import type { CampaignHarness } from '../campaigns/testing/campaignHarness';
import { sendableAt } from '../campaigns/quietHours';
import { calendarDate } from '../segments/childDates';
import type { CalendarDate } from '../segments/childDates';
import { REPEATABLE_JOBS } from '../queue/repeatableJobs';
import { createMembersBulk } from '../testing/factories/createMembersBulk';
import type { BulkMember } from '../testing/factories/createMembersBulk';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { createToy } from '../testing/factories/createToy';
import { grantPoints } from '../testing/factories/grantPoints';
import { eventually } from '../testing/startOfficialAccountHarness';
import { memberEraser } from '../privacy/memberEraser';
import { journeyRunner } from './journeyRunner';
import { JourneyTask } from './JourneyTask';
import type { JourneyRunResult } from './journeyRunner';
import type { JourneyScope } from './journeyScope';
import { DAY_MS } from '../time/dayMs';


describe('journeys', () => {
  let h: CampaignHarness;

  beforeAll(async () => {
    h = await startCampaignHarness({ config: { journeys: { quietHours: null, frequencyCap: { maxSends: 1, perDays: 7 } } } });
  });
  afterAll(async () => {
    await h.close();
  });

  /** Fresh members of a fresh store (the scope keeps other tests' members out of the run), each an OA follower. */
  async function freshMembers(count: number): Promise<{ scope: JourneyScope; members: BulkMember[] }> {
    const { store } = await createStore(h.system);
    const members = await createMembersBulk(h.system, { count, storeId: store.id });
    for (const member of members) h.sim.addFollower({ openid: member.openid! });
    return { scope: { registrationStoreId: store.id }, members };
  }

  function run(key: JourneyKey, scope: JourneyScope, now?: Date): Promise<JourneyRunResult> {
    return journeyRunner({ system: h.system, key, scope, now, log: h.system.logger });
  }

  function templates(member: BulkMember): Array<{ templateId?: string; data: Record<string, { value: string }> }> {
    return h.sim
      .inbox(member.openid!)
      .filter((entry) => entry.kind === 'template')
      .map((entry) => ({ templateId: entry.templateId, data: (entry.payload as { data: Record<string, { value: string }> }).data }));
  }

  async function settled(campaignId: string): Promise<void> {
    await eventually(async () => {
      const rows = (await h.system.dataSource.query("SELECT 1 FROM campaign_sends WHERE campaign_id = ? AND state = 'pending' LIMIT 1", [campaignId])) as unknown[];
      return rows.length === 0 ? true : null;
    }, 'the journey sends to settle');
  }

  /** Moves a member's sent messages `days` back, with a journey run that many days on. */
  async function backdateSends(memberId: string | number, days: number): Promise<void> {
    await h.system.dataSource.query('UPDATE campaign_sends SET sent_at = sent_at - INTERVAL ? DAY WHERE member_id = ? AND sent_at IS NOT NULL', [days, memberId]);
  }

  function ran(result: JourneyRunResult): Extract<JourneyRunResult, { state: 'ran' }> {
    if (result.state !== 'ran') throw new Error(`journey did not run: ${JSON.stringify(result)}`);
    return result;
  }

  /** The guardian's consent for `member`, and a child born on that date (`year` null: the parent kept it back). */
  async function addChild(member: BulkMember, { name, on, year, consent = true }: { name: string; on: CalendarDate; year: number | null; consent?: boolean }): Promise<void> {
    if (consent) {
      await h.system.dataSource.query('UPDATE members SET guardian_policy_version = ? WHERE id = ?', [h.system.config.membership.privacyPolicyVersion, member.id]);
    }
    await h.system.dataSource.query("INSERT INTO children (member_id, name, birth_year, birth_month, birth_day, interests) VALUES (?, ?, ?, ?, ?, '[]')", [
      member.id,
      name,
      year,
      on.month,
      on.day,
    ]);
  }

  function inDays(days: number): CalendarDate {
    return calendarDate(new Date(Date.now() + days * DAY_MS), h.system.config.membership.timeZone);
  }

  /** Runs `key` with quiet hours from an hour before to an hour after `now` (the configuration is restored after). */
  async function runInQuietHours(key: JourneyKey, scope: JourneyScope, now: Date): Promise<{ result: Extract<JourneyRunResult, { state: 'ran' }>; quiet: QuietHours }> {
    const timeZone = h.system.config.membership.timeZone;
    const hhmm = (at: Date): string => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    const quiet = { start: hhmm(new Date(now.getTime() - 3_600_000)), end: hhmm(new Date(now.getTime() + 3_600_000)) };
    h.system.config.journeys.quietHours = quiet;
    try {
      return { result: ran(await run(key, scope, now)), quiet };
    } finally {
      h.system.config.journeys.quietHours = null;
    }
  }

  it('greets a child N days before the birthday with suitable in-stock toys, once even when the job runs twice, and skips a child without guardian consent', async () => {
    const { scope, members } = await freshMembers(2);
    const [parent, unconsented] = members as [BulkMember, BulkMember];
    const birthday = inDays(7);
    await addChild(parent, { name: '小宇', on: birthday, year: birthday.year - 11 });
    await addChild(unconsented, { name: '小雨', on: birthday, year: birthday.year - 11, consent: false });
    // The child turns 11 (132 months): the narrowest in-stock ranges around it come first.
    const tag = String(Date.now()).slice(-6);
    await createToy(h.system, { name: `星际拼装${tag}`, minAgeMonths: 130, maxAgeMonths: 134, stock: 3 });
    await createToy(h.system, { name: `机械齿轮${tag}`, minAgeMonths: 128, maxAgeMonths: 136, stock: 1 });
    await createToy(h.system, { name: `缺货模型${tag}`, minAgeMonths: 131, maxAgeMonths: 133, stock: 0 });
    await createToy(h.system, { name: `幼儿积木${tag}`, minAgeMonths: 12, maxAgeMonths: 24, stock: 9 });
    await createToy(h.system, { name: `科学实验${tag}`, minAgeMonths: 120, maxAgeMonths: 143, stock: 2 });

    const [first, second] = await Promise.all([run('birthday', scope), run('birthday', scope)]);
    const third = ran(await run('birthday', scope));
    expect(ran(first).planned + ran(second).planned + third.planned).toBe(1);
    await settled(third.campaignId);

    const sent = templates(parent);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.templateId).toBe('TPL_BIRTHDAY_GREETING');
    expect(sent[0]!.data).toEqual({
      thing1: { value: '小宇' },
      time2: { value: `${birthday.year}年${birthday.month}月${birthday.day}日` },
      thing3: { value: `星际拼装${tag}` },
      thing4: { value: `机械齿轮${tag}` },
      thing5: { value: `科学实验${tag}` },
    });
    expect(templates(unconsented)).toHaveLength(0);
    const enrolments = (await h.system.dataSource.query('SELECT member_id, occasion_key FROM journey_enrolments WHERE member_id IN (?)', [members.map((m) => m.id)])) as Array<{
      member_id: string;
      occasion_key: string;
    }>;
    expect(enrolments).toHaveLength(1);
    expect(enrolments[0]!.occasion_key).toMatch(new RegExp(`^birthday:\\d+:${birthday.year}$`));
  });

  it('welcomes a new member once with the card benefits', async () => {
    const { scope, members } = await freshMembers(3);
    const result = ran(await run('welcome', scope));
    expect(result.planned).toBe(3);
    expect(ran(await run('welcome', scope)).planned).toBe(0);
    await settled(result.campaignId);
    for (const member of members) {
      const sent = templates(member);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.data.thing1).toEqual({ value: '普通会员' });
      expect(sent[0]!.data.thing2).toEqual({ value: h.system.config.journeys.welcome.benefits });
    }
  });

  it('warns a member entering churn risk once per episode, with the win-back offer', async () => {
    const { scope, members } = await freshMembers(1);
    const member = members[0]!;
    await h.system.dataSource.query(
      `INSERT INTO member_stats (member_id, first_purchase_at, last_purchase_at, purchase_count, total_spend_fen, average_ticket_fen, average_interval_days,
         count_90d, spend_90d_fen, count_365d, spend_365d_fen, windows_as_of) VALUES (?, ?, ?, 3, 30000, 10000, 10, 3, 30000, 3, 30000, ?)`,
      [member.id, new Date(Date.now() - 50 * DAY_MS), new Date(Date.now() - 30 * DAY_MS), new Date()],
    );
    const first = ran(await run('churn', scope));
    expect(first.planned).toBe(1);
    expect(ran(await run('churn', scope)).planned).toBe(0);
    await settled(first.campaignId);
    expect(templates(member)).toHaveLength(1);
    expect(templates(member)[0]!.data.thing1).toEqual({ value: h.system.config.journeys.churn.offer });

    // The member came back, then lapsed again: a new episode, ten days later.
    await h.system.dataSource.query('UPDATE member_stats SET last_purchase_at = ?, purchase_count = 4 WHERE member_id = ?', [new Date(Date.now() - 8 * DAY_MS), member.id]);
    const later = new Date(Date.now() + 10 * DAY_MS);
    // The journey runs ten days on, but sends now: its first message moves ten days back with it
    // (the sender counts the frequency cap again at the real time).
    await backdateSends(member.id, 10);
    const again = ran(await run('churn', scope, later));
    expect(again.planned).toBe(1);
    await settled(again.campaignId);
    expect(templates(member)).toHaveLength(2);
    expect(ran(await run('churn', scope, later)).planned).toBe(0);
  });

  it('reminds of expiring points once per expiry date', async () => {
    const { scope, members } = await freshMembers(1);
    const member = members[0]!;
    await grantPoints(h.system, String(member.id), 120);
    await grantPoints(h.system, String(member.id), 80);
    const lots = (await h.system.dataSource.query('SELECT id FROM points_entries WHERE member_id = ? ORDER BY id', [member.id])) as Array<{ id: string }>;
    await h.system.dataSource.query('UPDATE points_entries SET expires_at = ? WHERE id = ?', [new Date(Date.now() + 3 * DAY_MS), lots[0]!.id]);
    await h.system.dataSource.query('UPDATE points_entries SET expires_at = ? WHERE id = ?', [new Date(Date.now() + 12 * DAY_MS), lots[1]!.id]);

    const first = ran(await run('expiry', scope));
    expect(first.planned).toBe(1);
    expect(ran(await run('expiry', scope)).planned).toBe(0);
    await settled(first.campaignId);
    expect(templates(member).map((sent) => [sent.data.number1?.value, sent.data.number3?.value])).toEqual([['120', '200']]);

    // Eight days on, the first lot is gone: the second date gets its own reminder.
    const later = new Date(Date.now() + 8 * DAY_MS);
    await backdateSends(member.id, 8);
    expect(ran(await run('expiry', scope, later)).planned).toBe(1);
    expect(ran(await run('expiry', scope, later)).planned).toBe(0);
    await settled(first.campaignId);
    expect(templates(member).map((sent) => sent.data.number1?.value)).toEqual(['120', '80']);
    const keys = (await h.system.dataSource.query('SELECT occasion_key FROM journey_enrolments WHERE member_id = ? ORDER BY id', [member.id])) as Array<{ occasion_key: string }>;
    expect(keys.map((row) => row.occasion_key)).toEqual([expect.stringMatching(/^expiry:\d{4}-\d{2}-\d{2}$/), expect.stringMatching(/^expiry:\d{4}-\d{2}-\d{2}$/)]);
  });

  it('respects the frequency cap across journeys: the second journey is skipped, not sent', async () => {
    const { scope, members } = await freshMembers(1);
    const member = members[0]!;
    await addChild(member, { name: '小满', on: inDays(2), year: null });
    ran(await run('welcome', scope));
    const birthday = ran(await run('birthday', scope));
    expect(birthday.planned).toBe(1);
    const [send] = (await h.system.dataSource.query('SELECT state, skip_reason FROM campaign_sends WHERE run_id = ? AND member_id = ?', [birthday.runId, member.id])) as Array<{
      state: string;
      skip_reason: string;
    }>;
    expect(send).toEqual({ state: 'skipped', skip_reason: 'frequency_cap' });
    await settled(birthday.campaignId);
    expect(templates(member).map((sent) => sent.templateId)).toEqual(['TPL_MEMBERSHIP_WELCOME']);
  });

  it('holds a send during quiet hours (delayed, not dropped) and sends it once when they end', async () => {
    const { scope, members } = await freshMembers(1);
    const member = members[0]!;
    const now = new Date();
    const { result, quiet } = await runInQuietHours('welcome', scope, now);
    const [send] = (await h.system.dataSource.query('SELECT id, state, not_before FROM campaign_sends WHERE run_id = ? AND member_id = ?', [result.runId, member.id])) as Array<{
      id: string;
      state: string;
      not_before: Date;
    }>;
    const wakeAt = sendableAt(now, quiet, h.system.config.membership.timeZone);
    expect(send!.state).toBe('pending');
    expect(new Date(send!.not_before).getTime()).toBe(wakeAt.getTime());
    const [campaign] = (await h.system.dataSource.query('SELECT generation FROM campaigns WHERE id = ?', [result.campaignId])) as Array<{ generation: number }>;
    const job = await eventually(
      () => h.system.queues.get('campaign-sends').getJob(`campaign-send:${send!.id}:g${campaign!.generation}:w${wakeAt.getTime()}`),
      'the delayed send job',
    );
    expect(await job.isDelayed()).toBe(true);
    expect(templates(member)).toHaveLength(0);

    // Morning comes early: the campaign's quiet hours no longer cover now, and the delayed job runs.
    await h.system.dataSource.query('UPDATE campaigns SET quiet_hours = NULL WHERE id = ?', [result.campaignId]);
    await job.promote();
    await settled(result.campaignId);
    expect(templates(member)).toHaveLength(1);
  });

  it("forgets the children's names a journey rendered when the member deletes the account, and drops its pending send", async () => {
    const { scope, members } = await freshMembers(1);
    const member = members[0]!;
    await addChild(member, { name: '小安', on: inDays(1), year: null });
    const { result } = await runInQuietHours('birthday', scope, new Date());
    await memberEraser({ system: h.system, memberId: String(member.id), now: new Date() });
    const [enrolment] = (await h.system.dataSource.query('SELECT fields FROM journey_enrolments WHERE member_id = ?', [member.id])) as Array<{ fields: unknown }>;
    expect(enrolment!.fields).toEqual({});
    const [send] = (await h.system.dataSource.query('SELECT state, skip_reason, fields FROM campaign_sends WHERE run_id = ? AND member_id = ?', [result.runId, member.id])) as Array<{
      state: string;
      skip_reason: string;
      fields: unknown;
    }>;
    expect(send).toEqual({ state: 'skipped', skip_reason: 'unreachable', fields: null });
  });

  it('registers each journey as a nightly repeatable job after the statistics recompute', () => {
    const journeys = REPEATABLE_JOBS.filter((entry) => entry.task instanceof JourneyTask);
    expect(journeys.map((entry) => (entry.task as JourneyTask).journey).sort()).toEqual(['birthday', 'churn', 'expiry', 'welcome']);
    for (const entry of journeys) expect(entry.repeat).toEqual({ cron: expect.stringMatching(/^\d+ [5-6] \* \* \*$/) as string, tz: 'Asia/Shanghai' });
  });

  describe('in the console', () => {
    it('lists the four journeys with their switch, last run and counts', async () => {
      const response = await h.owner.get<JourneyListDto>('/api/admin/journeys');
      expect(response.status).toBe(200);
      expect(response.body.journeys.map((journey) => journey.key)).toEqual(['birthday', 'churn', 'welcome', 'expiry']);
      const [birthday, churn, welcome] = response.body.journeys as [JourneyDto, JourneyDto, JourneyDto];
      expect(birthday.name).toBe('生日祝福');
      expect(birthday.daysBefore).toBe(h.system.config.journeys.birthday.daysBefore);
      expect(churn.daysBefore).toBeNull();
      // Earlier tests of this file ran the welcome journey: it has a campaign, a last run and sends.
      expect(welcome.campaignId).not.toBeNull();
      expect(welcome.lastRunAt).not.toBeNull();
      expect(welcome.counts.delivered + welcome.counts.sent).toBeGreaterThan(0);
      expect(welcome.counts.enrolled).toBeGreaterThan(0);
    });

    it('names the template and field texts each journey sends, and counts its sends of the last 30 days apart from older ones', async () => {
      const { scope, members } = await freshMembers(1);
      const result = ran(await run('welcome', scope));
      await settled(result.campaignId);
      const welcomeOf = async (): Promise<JourneyDto> => (await h.owner.get<JourneyListDto>('/api/admin/journeys')).body.journeys.find((journey) => journey.key === 'welcome')!;
      const before = await welcomeOf();
      expect(before.template).toEqual({ title: '入会成功通知', channel: 'template' });
      expect(before.fields).toEqual([
        { key: 'thing1', label: '会员等级', pattern: '{tierName}会员' },
        { key: 'thing2', label: '会员权益', pattern: '{benefits}' },
        { key: 'time3', label: '入会时间', pattern: '{joinedAt}' },
      ]);
      expect(before.recent.enrolled).toBeGreaterThan(0);
      expect(before.recent.delivered + before.recent.sent).toBeGreaterThan(0);

      // This member's welcome was 40 days ago: it leaves the recent counts and stays in the totals.
      await h.system.dataSource.query('UPDATE journey_enrolments SET created_at = ? WHERE member_id = ? AND journey_key = ?', [new Date(Date.now() - 40 * DAY_MS), members[0]!.id, 'welcome']);
      const after = await welcomeOf();
      // Other welcomes may come and go (or be reported delivered) meanwhile: the part older than 30 days grows by exactly this one.
      const older = (dto: JourneyDto): number[] => [dto.counts.enrolled - dto.recent.enrolled, dto.counts.sent + dto.counts.delivered - dto.recent.sent - dto.recent.delivered];
      expect(older(after).map((count, index) => count - older(before)[index]!)).toEqual([1, 1]);

      const settings = h.system.config.journeys.expiry;
      const approved = settings.templateId;
      settings.templateId = 'TPL_NOT_APPROVED';
      try {
        const expiry = (await h.owner.get<JourneyListDto>('/api/admin/journeys')).body.journeys.find((journey) => journey.key === 'expiry')!;
        expect(expiry.template).toBeNull();
        expect(expiry.fields.map((field) => field.label)).toEqual(Object.keys(settings.fields));
      } finally {
        settings.templateId = approved;
      }
    });

    it('switches a journey off (its run then sends nothing) and on, and changes the days before', async () => {
      const off = await h.owner.patch<JourneyDto>('/api/admin/journeys/welcome', { enabled: false });
      expect(off.status).toBe(200);
      expect(off.body.enabled).toBe(false);
      const { scope, members } = await freshMembers(1);
      try {
        expect(await run('welcome', scope)).toEqual({ state: 'disabled' });
      } finally {
        await h.owner.patch<JourneyDto>('/api/admin/journeys/welcome', { enabled: true });
      }
      const rows = (await h.system.dataSource.query('SELECT 1 FROM journey_enrolments WHERE member_id = ?', [members[0]!.id])) as unknown[];
      expect(rows).toHaveLength(0);
      expect(ran(await run('welcome', scope)).planned).toBe(1);

      const changed = await h.owner.patch<JourneyDto>('/api/admin/journeys/birthday', { daysBefore: 5 });
      expect(changed.body.daysBefore).toBe(5);
      await h.owner.patch<JourneyDto>('/api/admin/journeys/birthday', { daysBefore: h.system.config.journeys.birthday.daysBefore });
    });

    it('shows why a journey sent nothing when its template is not an approved one', async () => {
      const settings = h.system.config.journeys.expiry;
      const approved = settings.templateId;
      settings.templateId = 'TPL_NOT_APPROVED';
      const { scope } = await freshMembers(1);
      try {
        expect(await run('expiry', scope)).toEqual({ state: 'refused', error: '模板 TPL_NOT_APPROVED 不在门店已审核通过的模板列表中' });
        const listed = await h.owner.get<JourneyListDto>('/api/admin/journeys');
        expect(listed.body.journeys.find((journey) => journey.key === 'expiry')!.lastError).toBe('模板 TPL_NOT_APPROVED 不在门店已审核通过的模板列表中');
      } finally {
        settings.templateId = approved;
      }
      expect((await run('expiry', scope)).state).toBe('ran');
    });

    it('halts a journey whose campaign WeChat stopped, until it is switched on again with a fresh campaign', async () => {
      const { scope, members } = await freshMembers(1);
      const before = ran(await run('welcome', scope));
      await settled(before.campaignId);
      await h.system.dataSource.query("UPDATE campaigns SET state = 'stopped', stop_reason = '模板已被删除' WHERE id = ?", [before.campaignId]);
      const later = await createMembersBulk(h.system, { count: 1, storeId: scope.registrationStoreId });
      h.sim.addFollower({ openid: later[0]!.openid! });
      const halted = await run('welcome', scope);
      expect(halted).toEqual({ state: 'refused', error: '旅程的发送活动已停止：模板已被删除。请在控制台重新启用旅程' });
      expect((await h.owner.patch<JourneyDto>('/api/admin/journeys/welcome', { enabled: true })).body.campaignId).toBeNull();
      const fresh = ran(await run('welcome', scope));
      expect(fresh.campaignId).not.toBe(before.campaignId);
      expect(fresh.planned).toBe(1);
      await settled(fresh.campaignId);
      expect(templates(later[0]!)).toHaveLength(1);
      expect(templates(members[0]!)).toHaveLength(1);
    });

    it('refuses days before on a journey without them, bad input, and a clerk', async () => {
      const churn = await h.owner.patch<{ error: string; message: string }>('/api/admin/journeys/churn', { daysBefore: 3 });
      expect(churn.status).toBe(422);
      expect(churn.body).toMatchObject({ error: 'days_before_birthday_only', message: '只有生日祝福旅程可以设置提前天数' });
      expect((await h.owner.patch('/api/admin/journeys/birthday', { daysBefore: 90 })).status).toBe(400);
      expect((await h.owner.patch('/api/admin/journeys/birthday', {})).status).toBe(400);
      expect((await h.owner.patch('/api/admin/journeys/unknown', { enabled: true })).status).toBe(400);
      const clerk = await createStaff(h.system, { role: 'clerk' });
      const client = await staffClient(h.server.baseUrl, clerk.username);
      expect((await client.get('/api/admin/journeys')).status).toBe(403);
      expect((await client.patch('/api/admin/journeys/welcome', { enabled: false })).status).toBe(403);
    });
  });
});
