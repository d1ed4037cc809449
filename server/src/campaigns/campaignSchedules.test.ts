import { randomBytes } from 'node:crypto';
import type { CampaignInput } from '@toyclub/shared';
import type Bull from 'bull';
import { eventually } from '../testing/startOfficialAccountHarness';
import { sendIdsOf } from './CampaignSendTask';
import type { CampaignSendPayload } from './CampaignSendTask';
import { CAMPAIGN_QUEUE, CAMPAIGN_SEND_QUEUE } from './campaignQueues';
import { campaignRunStarter } from './campaignStateChanges';
import { startCampaignHarness } from './testing/campaignHarness';
import type { CampaignHarness } from './testing/campaignHarness';
import { DAY_MS } from '../time/dayMs';

function localHhmm(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

describe('campaign schedules: recurring with a frequency cap, later, and quiet hours', () => {
  let h: CampaignHarness;

  beforeAll(async () => {
    h = await startCampaignHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const input = (segmentId: string, extra: Partial<CampaignInput>): CampaignInput => ({
    name: '生日礼遇',
    segmentId,
    channel: 'template',
    content: { purpose: 'service', templateId: 'TPL_BIRTHDAY_BENEFIT', variants: [{ fields: { thing1: '生日积木一盒', time2: '12月31日' } }] },
    schedule: { kind: 'now' },
    ...extra,
  });

  it('runs a recurring campaign once per tick and caps sends per member across runs', async () => {
    const { segmentId, members } = await h.audience(4);
    const id = await h.launch(input(segmentId, { schedule: { kind: 'recurring', cron: '0 10 * * 1' }, frequencyCap: { maxSends: 1, perDays: 7 } }));
    expect((await h.detail(id)).state).toBe('scheduled');
    const repeatable = await h.system.queues.get(CAMPAIGN_QUEUE).getRepeatableJobs();
    expect(repeatable.some((job) => job.id === `campaign-occurrence-${id}` && job.cron === '0 10 * * 1')).toBe(true);

    expect(await campaignRunStarter({ system: h.system, campaignId: id, occurrenceKey: 't1' })).toBe(true);
    const first = await h.waitFor(id, (d) => d.state === 'scheduled' && d.counts.sent + d.counts.delivered === 4, 'the first run');
    expect(first.counts.pending).toBe(0);
    expect(await campaignRunStarter({ system: h.system, campaignId: id, occurrenceKey: 't1' })).toBe(false);

    expect(await campaignRunStarter({ system: h.system, campaignId: id, occurrenceKey: 't2' })).toBe(true);
    const second = await h.waitFor(id, (d) => d.state === 'scheduled' && d.counts.skipped === 4, 'the second run');
    expect(second.skippedByReason).toEqual({ frequency_cap: 4 });
    for (const member of members) expect(h.sim.inbox(member.openid!)).toHaveLength(1);

    expect((await h.owner.post(`/api/admin/campaigns/${id}/cancel`)).status).toBe(200);
    const after = await h.system.queues.get(CAMPAIGN_QUEUE).getRepeatableJobs();
    expect(after.some((job) => job.id === `campaign-occurrence-${id}`)).toBe(false);
  });

  it('waits for a campaign set for later', async () => {
    const { segmentId, members } = await h.audience(2);
    const at = new Date(Date.now() + DAY_MS);
    const id = await h.launch(input(segmentId, { schedule: { kind: 'at', at: at.toISOString() } }));
    const detail = await h.detail(id);
    expect(detail.state).toBe('scheduled');
    expect(detail.scheduledAt).toBe(at.toISOString());
    const delayed = await h.system.queues.get(CAMPAIGN_QUEUE).getDelayed();
    expect(delayed.some((job) => job.name === 'campaigns.plan' && job.timestamp + (job.opts.delay ?? 0) >= at.getTime() - 1000)).toBe(true);
    for (const member of members) expect(h.sim.inbox(member.openid!)).toHaveLength(0);
    expect((await h.owner.post(`/api/admin/campaigns/${id}/cancel`)).status).toBe(200);
  });

  it('delays sends planned in quiet hours instead of dropping them, and delays them again if woken early', async () => {
    const { segmentId, members } = await h.audience(3);
    const now = Date.now();
    const quietHours = { start: localHhmm(new Date(now - 3_600_000)), end: localHhmm(new Date(now + 2 * 3_600_000)) };
    const id = await h.launch(input(segmentId, { quietHours }));
    const planned = await h.waitFor(id, (d) => d.state === 'sending' && d.counts.pending === 3, 'planning');
    expect(planned.counts.pending).toBe(3);
    const sends = h.system.queues.get(CAMPAIGN_SEND_QUEUE);
    // The three records wait in delayed batch jobs (one batch here: they were planned together).
    const sendsIn = (jobs: Bull.Job<CampaignSendPayload>[]): number => jobs.reduce((sum, job) => sum + sendIdsOf(job.data).length, 0);
    const waiting = await eventually(async () => {
      const jobs = (await sends.getDelayed()).filter((job) => String(job.id).startsWith('campaign-send:') && String(job.id).includes(':w'));
      return sendsIn(jobs) >= 3 ? jobs : null;
    }, 'three delayed sends');
    const wakeIds = new Set(waiting.map((job) => String(job.id)));
    for (const job of waiting) await job.promote();
    // Woken inside quiet hours, each send goes back to sleep under a new id.
    await eventually(async () => {
      const again = (await sends.getDelayed()).filter((job) => String(job.id).includes(':w') && !wakeIds.has(String(job.id)));
      return sendsIn(again) >= 3 ? again : null;
    }, 'the sends to be delayed again');
    expect((await h.detail(id)).counts.pending).toBe(3);
    for (const member of members) expect(h.sim.inbox(member.openid!)).toHaveLength(0);
    expect((await h.owner.post(`/api/admin/campaigns/${id}/cancel`)).status).toBe(200);
  });

  it('delays a mass send planned in quiet hours, and again if woken early, instead of failing it', async () => {
    const { segmentId, members } = await h.audience(2);
    const simTag = h.sim.context.tags.create(`q${randomBytes(3).toString('hex')}`);
    for (const member of members) h.sim.follower(member.openid!)!.tagIds.push(simTag.id);
    const inserted = (await h.system.dataSource.query("INSERT INTO tags (name, kind, wechat_tag_id, mirror_to_wechat) VALUES (?, 'manual', ?, 1)", [
      `标签${randomBytes(4).toString('hex')}`,
      simTag.id,
    ])) as { insertId: number };
    const now = Date.now();
    const quietHours = { start: localHhmm(new Date(now - 3_600_000)), end: localHhmm(new Date(now + 2 * 3_600_000)) };
    const id = await h.launch({
      name: '圣诞玩具节',
      segmentId,
      channel: 'mass_tag',
      content: { purpose: 'marketing', tagId: String(inserted.insertId), variants: [{ text: '圣诞玩具节：全场满300减50' }] },
      schedule: { kind: 'now' },
      quietHours,
    });
    const campaigns = h.system.queues.get(CAMPAIGN_QUEUE);
    const delayedMass = async (except: Set<string>) =>
      (await campaigns.getDelayed()).filter((job) => String(job.id).startsWith('campaign-mass:') && String(job.id).includes(':w') && !except.has(String(job.id)));
    const [waiting] = await eventually(async () => {
      const jobs = await delayedMass(new Set());
      return jobs.length === 1 ? jobs : null;
    }, 'the delayed mass send');
    await waiting!.promote();
    // Woken inside quiet hours, it goes back to sleep under a new id; nothing was sent or failed.
    await eventually(async () => ((await delayedMass(new Set([String(waiting!.id)]))).length === 1 ? true : null), 'the mass send to be delayed again');
    expect(h.sim.calls('/cgi-bin/message/mass/sendall').filter((call) => (call.body as { filter?: { tag_id?: number } }).filter?.tag_id === simTag.id)).toHaveLength(0);
    expect((await campaigns.getFailed()).filter((job) => String(job.id).startsWith('campaign-mass:'))).toHaveLength(0);
    expect((await h.detail(id)).state).toBe('sending');
    expect((await h.owner.post(`/api/admin/campaigns/${id}/cancel`)).status).toBe(200);
  });
});
