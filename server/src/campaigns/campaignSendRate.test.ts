import type { CampaignDetailDto } from '@toyclub/shared';
import { eventually } from '../testing/startOfficialAccountHarness';
import { CAMPAIGN_SEND_QUEUE } from './campaignQueues';
import { pointsChangeCampaign, startCampaignHarness } from './testing/campaignHarness';
import type { CampaignHarness } from './testing/campaignHarness';

const TEMPLATE_PATH = '/cgi-bin/message/template/send';

describe('the campaign send rate (Redis rate limiter taken right before each call)', () => {
  let h: CampaignHarness;

  beforeAll(async () => {
    // 10 sends per 4 s: Bull's outer guard (11 per window) starts the first 11 jobs at once,
    // so that most of them claim their record and sleep on a slot 400 ms apart.
    h = await startCampaignHarness({ concurrency: 12, config: { campaigns: { sendRate: { max: 10, durationMs: 4000 } } } });
    // No delivery reports: every simulator hands out the same msgids, and a 'delivered' row
    // left in this worker's database would be applied to a later test file's first sends.
    h.sim.setCallbackUrl(undefined);
  });
  afterAll(async () => {
    await h.close();
  });

  const input = pointsChangeCampaign;
  const drained = () =>
    eventually(
      async () => {
        const counts = await h.system.queues.get(CAMPAIGN_SEND_QUEUE).getJobCounts();
        return counts.active + counts.waiting + counts.delayed === 0 ? true : null;
      },
      'the send queue to drain',
      20_000,
    );
  const post = (id: string, action: string) => h.owner.post<CampaignDetailDto>(`/api/admin/campaigns/${id}/${action}`);

  it('a send sleeping on its slot when the campaign is paused steps aside without calling, and the resume sends each member once', async () => {
    const { segmentId, members } = await h.audience(12);
    const openids = members.map((member) => member.openid!);
    const id = await h.launch(input(segmentId));
    await h.waitFor(id, (d) => d.counts.sent + d.counts.delivered >= 2, 'the first sends');
    expect((await post(id, 'pause')).body.state).toBe('paused');
    const callsAtPause = h.sim.calls(TEMPLATE_PATH).length;
    await drained();
    // The sends asleep on their slots were claimed before the pause; awake, they saw it and
    // did not call (one may have passed its check just before the pause committed).
    expect(h.sim.calls(TEMPLATE_PATH).length - callsAtPause).toBeLessThanOrEqual(1);
    const during = await h.detail(id);
    expect(during.counts.pending).toBeGreaterThanOrEqual(6);
    // They gave back the attempt their claim had counted: no call was made for them.
    const pending = (await h.system.dataSource.query("SELECT attempts FROM campaign_sends WHERE campaign_id = ? AND state = 'pending'", [id])) as Array<{
      attempts: number;
    }>;
    expect(pending.map((row) => Number(row.attempts))).toEqual(pending.map(() => 0));

    expect((await post(id, 'resume')).body.state).toBe('sending');
    await h.waitFor(id, (d) => d.state === 'completed', 'completion after resume');
    expect(h.sim.calls(TEMPLATE_PATH)).toHaveLength(12);
    for (const openid of openids) expect(h.sim.inbox(openid).filter((entry) => entry.kind === 'template')).toHaveLength(1);
  });
});
