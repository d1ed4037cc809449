import type { CampaignDetailDto } from '@toyclub/shared';
import { eventually } from '../testing/startOfficialAccountHarness';
import { CAMPAIGN_SEND_QUEUE } from './campaignQueues';
import { pointsChangeCampaign, startCampaignHarness } from './testing/campaignHarness';
import type { CampaignHarness } from './testing/campaignHarness';

const TEMPLATE_PATH = '/cgi-bin/message/template/send';

describe('pausing, resuming, cancelling and stopping a running campaign', () => {
  let h: CampaignHarness;

  beforeAll(async () => {
    h = await startCampaignHarness({ concurrency: 2 });
  });
  afterAll(async () => {
    await h.close();
  });

  const input = pointsChangeCampaign;
  /** Every send job has run: nothing can send any more until someone resumes. */
  const drained = () =>
    eventually(async () => {
      const counts = await h.system.queues.get(CAMPAIGN_SEND_QUEUE).getJobCounts();
      return counts.active + counts.waiting + counts.delayed === 0 ? true : null;
    }, 'the send queue to drain');
  const deliveredTo = (openids: string[]): number => openids.reduce((sum, openid) => sum + h.sim.inbox(openid).filter((entry) => entry.kind === 'template').length, 0);
  const post = (id: string, action: string) => h.owner.post<CampaignDetailDto & { error?: string }>(`/api/admin/campaigns/${id}/${action}`);

  it('pauses mid-campaign, keeps the rest pending, and resumes to send each member once', async () => {
    const { segmentId, members } = await h.audience(60);
    const openids = members.map((member) => member.openid!);
    const slow = h.sim.addFault({ path: TEMPLATE_PATH, latencyMs: 60 });
    const id = await h.launch(input(segmentId));
    await h.waitFor(id, (d) => d.counts.sent + d.counts.delivered >= 5, 'some sends');
    const paused = await post(id, 'pause');
    expect(paused.status).toBe(200);
    expect(paused.body.state).toBe('paused');
    await drained();
    const during = await h.detail(id);
    expect(during.state).toBe('paused');
    expect(during.counts.pending).toBeGreaterThan(0);
    expect(deliveredTo(openids)).toBe(during.counts.sent + during.counts.delivered);
    expect((await post(id, 'pause')).status).toBe(409);

    h.sim.clearFaults(slow.path);
    expect((await post(id, 'resume')).body.state).toBe('sending');
    const done = await h.waitFor(id, (d) => d.state === 'completed', 'completion after resume');
    expect(done.counts.pending).toBe(0);
    for (const openid of openids) expect(h.sim.inbox(openid).filter((entry) => entry.kind === 'template')).toHaveLength(1);
  });

  it('cancels mid-campaign: the pending sends are skipped and nothing more goes out', async () => {
    const { segmentId, members } = await h.audience(60);
    const openids = members.map((member) => member.openid!);
    const slow = h.sim.addFault({ path: TEMPLATE_PATH, latencyMs: 60 });
    const id = await h.launch(input(segmentId));
    await h.waitFor(id, (d) => d.counts.sent + d.counts.delivered >= 5, 'some sends');
    const cancelled = await post(id, 'cancel');
    expect(cancelled.body.state).toBe('cancelled');
    await drained();
    h.sim.clearFaults(slow.path);
    const after = await h.detail(id);
    expect(after.counts.pending).toBe(0);
    expect(after.skippedByReason.cancelled).toBeGreaterThan(0);
    expect(deliveredTo(openids)).toBe(after.counts.sent + after.counts.delivered);
    expect((await post(id, 'resume')).status).toBe(409);
    expect((await post(id, 'cancel')).status).toBe(409);
  });

  it('stops a campaign WeChat refuses (40037) and says why', async () => {
    const { segmentId } = await h.audience(5);
    h.sim.addFault({ path: TEMPLATE_PATH, errcode: 40037, count: 1 });
    const id = await h.launch(input(segmentId));
    const stopped = await h.waitFor(id, (d) => d.state === 'stopped', 'the stop');
    expect(stopped.stopReason).toMatch(/40037/);
    expect(stopped.stopReason).toMatch(/活动已停止/);
    expect(stopped.counts.failed).toBe(1);
  });
});
