import type { ApiErrorBody, CampaignProgressDto } from '@toyclub/shared';
import { createCampaignFixture } from '../testing/factories/createCampaignFixture';
import { createMember } from '../testing/factories/createMember';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { eventually } from '../testing/startOfficialAccountHarness';
import { campaignProgressHub } from './campaignProgressHub';
import type { ReceivedEvent } from './readEventStream';
import { readEventStream } from './readEventStream';
import { useTestServer } from '../testing/useTestServer';

describe('campaign progress', () => {
  const harness = useTestServer({ config: { campaigns: { progressPollMs: 100, progressHeartbeatSeconds: 1 } } });

  let owner: Awaited<ReturnType<typeof staffClient>>;

  beforeAll(async () => {
    owner = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'owner' })).username);
  });

  /** A campaign planned for four: one sent, one skipped, two pending. */
  async function runningCampaign() {
    const fixture = await createCampaignFixture(harness.system, { plannedCount: 4 });
    const members = await Promise.all([0, 1, 2, 3].map(async () => (await createMember(harness.system)).member.id));
    await fixture.addSend({ memberId: members[0]!, state: 'sent' });
    await fixture.addSend({ memberId: members[1]!, state: 'skipped', skipReason: 'no_follower' });
    const pending = [await fixture.addSend({ memberId: members[2]!, state: 'pending' }), await fixture.addSend({ memberId: members[3]!, state: 'pending' })];
    return { ...fixture, pending };
  }

  async function openStream(campaignId: string, signal?: AbortSignal) {
    const response = await fetch(`${harness.server.baseUrl}/api/admin/campaigns/${campaignId}/progress/stream`, { headers: { cookie: owner.cookie }, signal });
    return { response, events: readEventStream(response.body!) };
  }

  async function next(events: AsyncGenerator<ReceivedEvent>, wanted: (event: ReceivedEvent) => boolean): Promise<ReceivedEvent> {
    for (;;) {
      const { value, done } = await events.next();
      if (done) throw new Error('the stream ended');
      if (wanted(value)) return value;
    }
  }
  const progressEvent = (event: ReceivedEvent) => event.event === 'progress';

  it('gives the current run’s counts by state against the planned total', async () => {
    const campaign = await runningCampaign();
    const progress = await owner.get<CampaignProgressDto>(`/api/admin/campaigns/${campaign.campaign.id}/progress`);
    expect(progress).toEqual({
      status: 200,
      body: {
        campaignId: campaign.campaign.id,
        runId: campaign.run.id,
        state: 'sending',
        stopReason: null,
        pausedUntil: null,
        planned: 4,
        counts: { pending: 2, sent: 1, delivered: 0, failed: 0, skipped: 1, held_out: 0 },
        done: 2,
        percent: 50,
        finished: false,
      },
    });
  });

  it('streams the counts as they change, with heartbeats, and ends when the campaign completes', async () => {
    const campaign = await runningCampaign();
    const { response, events } = await openStream(campaign.campaign.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');

    const first = JSON.parse((await next(events, progressEvent)).data) as CampaignProgressDto;
    expect(first).toMatchObject({ done: 2, percent: 50, finished: false });

    await harness.system.dataSource.query("UPDATE campaign_sends SET state = 'sent', sent_at = NOW(3) WHERE id = ?", [campaign.pending[0]!.id]);
    const second = JSON.parse((await next(events, progressEvent)).data) as CampaignProgressDto;
    expect(second).toMatchObject({ done: 3, percent: 75, counts: { pending: 1, sent: 2 } });

    expect((await next(events, (event) => event.comment !== undefined)).comment).toBe('heartbeat');

    await harness.system.dataSource.query("UPDATE campaign_sends SET state = 'sent', sent_at = NOW(3) WHERE id = ?", [campaign.pending[1]!.id]);
    await campaign.setState('completed');
    const last = JSON.parse((await next(events, (event) => event.event === 'progress' && (JSON.parse(event.data) as CampaignProgressDto).finished)).data) as CampaignProgressDto;
    expect(last).toMatchObject({ state: 'completed', done: 4, percent: 100, finished: true });
    expect(await next(events, (event) => event.event === 'end')).toMatchObject({ data: JSON.stringify({ reason: 'completed' }) });
    expect((await events.next()).done).toBe(true);
    await eventually(() => (campaignProgressHub(harness.system).activeKeys === 0 ? true : null), 'the poll to stop');
  });

  it('shares one poll between viewers and stops it when the last one disconnects', async () => {
    const campaign = await runningCampaign();
    const viewers = [new AbortController(), new AbortController()];
    const streams = await Promise.all(viewers.map((viewer) => openStream(campaign.campaign.id, viewer.signal)));
    for (const stream of streams) await next(stream.events, progressEvent);
    expect(campaignProgressHub(harness.system).activeKeys).toBe(1);

    viewers[0]!.abort();
    await harness.system.dataSource.query("UPDATE campaign_sends SET state = 'failed', error_code = 40003 WHERE id = ?", [campaign.pending[0]!.id]);
    expect(JSON.parse((await next(streams[1]!.events, progressEvent)).data)).toMatchObject({ counts: { failed: 1, pending: 1 } });
    expect(campaignProgressHub(harness.system).activeKeys).toBe(1);

    viewers[1]!.abort();
    await eventually(() => (campaignProgressHub(harness.system).activeKeys === 0 ? true : null), 'the poll to stop after the last viewer left');
  });

  it('refuses an unknown campaign before streaming, anyone without a console session, and a clerk', async () => {
    const unknown = await fetch(`${harness.server.baseUrl}/api/admin/campaigns/999999999/progress/stream`, { headers: { cookie: owner.cookie } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ApiErrorBody).error).toBe('campaign_not_found');
    const anonymous = await fetch(`${harness.server.baseUrl}/api/admin/campaigns/1/progress/stream`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ApiErrorBody).error).toBe('staff_session_required');
    const { campaign } = await createCampaignFixture(harness.system);
    const clerk = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'clerk' })).username);
    const refused = await fetch(`${harness.server.baseUrl}/api/admin/campaigns/${campaign.id}/progress/stream`, { headers: { cookie: clerk.cookie } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ApiErrorBody).error).toBe('permission_denied');
  });
});
