import type { CampaignDetailDto, CampaignInput } from '@toyclub/shared';
import type { ConfigOverrides } from '../../config/loadConfig';
import { TaskWorker } from '../../queue/TaskWorker';
import { createMembersBulk } from '../../testing/factories/createMembersBulk';
import type { BulkMember } from '../../testing/factories/createMembersBulk';
import { createSegment } from '../../testing/factories/createSegment';
import { createStaff, staffClient } from '../../testing/factories/createStaff';
import { createStore } from '../../testing/factories/createStore';
import { eventually, startOfficialAccountHarness } from '../../testing/startOfficialAccountHarness';
import type { OfficialAccountHarness } from '../../testing/startOfficialAccountHarness';
import { CAMPAIGN_TASKS } from './campaignTasks';
import { Campaign } from '../Campaign';
import { presentCampaignDetail } from '../presentCampaign';

/** A service-notice template campaign (积分变动提醒) to `segmentId`, sent now. */
export function pointsChangeCampaign(segmentId: string): CampaignInput {
  return {
    name: '积分变动提醒',
    segmentId,
    channel: 'template',
    content: { purpose: 'service', templateId: 'TPL_POINTS_CHANGE', variants: [{ fields: { thing1: '签到奖励', number2: '5', number3: '105' } }] },
    schedule: { kind: 'now' },
  };
}

/** A staff client as `staffClient` returns it. */
type StaffClient = Awaited<ReturnType<typeof staffClient>>;

/** The simulator, app, callback and (unless `inProcessWorker` is false) a worker for the campaign queues. */
export interface CampaignHarness extends OfficialAccountHarness {
  owner: StaffClient;
  /** Fresh members of a fresh store, their simulator followers, and a segment of exactly them. */
  audience(count: number, options?: { lastInteractionAt?: Date | null }): Promise<{ segmentId: string; members: BulkMember[] }>;
  /** Composes and schedules a campaign through the routes; returns its id. */
  launch(input: CampaignInput): Promise<string>;
  /**
   * Composes a campaign through the routes and opens its run by hand (scheduled, a run in
   * `planning`), without the plan job: for tests that run the planner or the sender themselves.
   */
  openRun(input: CampaignInput): Promise<{ campaignId: string; runId: string }>;
  detail(id: string): Promise<CampaignDetailDto>;
  /** Waits until the campaign is in `state` (and `probe`, if given, holds). */
  waitFor(id: string, probe: (detail: CampaignDetailDto) => boolean, what: string, timeoutMs?: number): Promise<CampaignDetailDto>;
}

/** Starts everything a campaign test needs; close it in afterAll. */
export async function startCampaignHarness(options: { config?: ConfigOverrides; inProcessWorker?: boolean; concurrency?: number } = {}): Promise<CampaignHarness> {
  const harness = await startOfficialAccountHarness({ config: options.config });
  const { system, sim, server } = harness;
  if (options.inProcessWorker !== false) TaskWorker.start({ system, tasks: CAMPAIGN_TASKS, concurrency: options.concurrency ?? 4 });
  const staff = await createStaff(system, { role: 'owner' });
  const owner = await staffClient(server.baseUrl, staff.username);
  const detail = async (id: string): Promise<CampaignDetailDto> => {
    const response = await owner.get<CampaignDetailDto>(`/api/admin/campaigns/${id}`);
    if (response.status !== 200) throw new Error(`GET campaign ${id}: ${response.status}`);
    return response.body;
  };
  return {
    ...harness,
    owner,
    async audience(count, audienceOptions = {}) {
      const { store } = await createStore(system);
      const members = await createMembersBulk(system, { count, storeId: store.id, lastInteractionAt: audienceOptions.lastInteractionAt ?? null });
      const last = audienceOptions.lastInteractionAt ? audienceOptions.lastInteractionAt.getTime() : undefined;
      for (const member of members) sim.addFollower({ openid: member.openid!, lastInteractionAt: last });
      const segmentId = await createSegment(system, { definition: { op: 'and', rules: [{ kind: 'registration_store', storeIds: [Number(store.id)] }] } });
      return { segmentId: String(segmentId), members };
    },
    async launch(input) {
      const created = await owner.post<CampaignDetailDto & { message?: string }>('/api/admin/campaigns', input);
      if (created.status !== 201) throw new Error(`compose: ${created.status} ${JSON.stringify(created.body)}`);
      const scheduled = await owner.post<CampaignDetailDto>(`/api/admin/campaigns/${created.body.id}/schedule`);
      if (scheduled.status !== 200) throw new Error(`schedule: ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
      return created.body.id;
    },
    async openRun(input) {
      const created = await owner.post<CampaignDetailDto>('/api/admin/campaigns', input);
      if (created.status !== 201) throw new Error(`compose: ${created.status} ${JSON.stringify(created.body)}`);
      const campaignId = created.body.id;
      await system.dataSource.query("UPDATE campaigns SET state = 'scheduled' WHERE id = ?", [campaignId]);
      const run = (await system.dataSource.query("INSERT INTO campaign_runs (campaign_id, occurrence_key, state) VALUES (?, 'once', 'planning')", [campaignId])) as {
        insertId: number;
      };
      return { campaignId, runId: String(run.insertId) };
    },
    detail,
    async waitFor(id, probe, what, timeoutMs = 30_000) {
      // Polls the database (cheap, no rate limit), then reads the route once it holds.
      const snapshot = async (): Promise<CampaignDetailDto> => {
        const campaign = await system.dataSource.getRepository(Campaign).findOneByOrFail({ id });
        return presentCampaignDetail(system.dataSource.manager, campaign);
      };
      await eventually(async () => (probe(await snapshot()) ? true : null), what, timeoutMs);
      return detail(id);
    },
  };
}
