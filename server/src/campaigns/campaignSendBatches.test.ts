import { createLogger } from '../logging/createLogger';
import { TaskWorker } from '../queue/TaskWorker';
import type { BulkMember } from '../testing/factories/createMembersBulk';
import { campaignPlanner } from './campaignPlanner';
import { CAMPAIGN_SEND_QUEUE } from './campaignQueues';
import { campaignSender } from './campaignSender';
import { sendIdsOf } from './CampaignSendTask';
import type { CampaignSendPayload } from './CampaignSendTask';
import { CAMPAIGN_TASKS } from './testing/campaignTasks';
import { pointsChangeCampaign, startCampaignHarness } from './testing/campaignHarness';
import type { CampaignHarness } from './testing/campaignHarness';

/** A template campaign to `count` fresh members, planned (its send jobs queued) but not sent: no worker runs yet. */
async function plannedCampaign(h: CampaignHarness, count: number): Promise<{ campaignId: string; runId: string; ids: string[]; members: BulkMember[] }> {
  const { segmentId, members } = await h.audience(count);
  const { campaignId, runId } = await h.openRun(pointsChangeCampaign(segmentId));
  await campaignPlanner({ system: h.system, runId, generation: 0, sweep: false, log: createLogger(h.system.config, 'test') });
  // Members were created in id order, and the planner walks them in that order.
  const rows = (await h.system.dataSource.query('SELECT id FROM campaign_sends WHERE run_id = ? ORDER BY member_id', [runId])) as Array<{ id: string | number }>;
  return { campaignId, runId, ids: rows.map((row) => String(row.id)), members };
}

const templatesTo = (h: CampaignHarness, member: BulkMember): number => h.sim.inbox(member.openid!).filter((entry) => entry.kind === 'template').length;

describe('campaign sends in batches', () => {
  let h: CampaignHarness;

  beforeEach(async () => {
    // No worker at first: each test runs batches itself, then lets a worker take the queued jobs.
    h = await startCampaignHarness({ inProcessWorker: false, config: { campaigns: { sendBatchSize: 8, sendBatchConcurrency: 3 } } });
    h.sim.setCallbackUrl(undefined);
  });
  afterEach(async () => {
    await h.close();
  });

  it('plans batches of sendBatchSize, and batches that overlap still send each member once', async () => {
    const { campaignId, runId, ids, members } = await plannedCampaign(h, 20);
    const queued = await h.system.queues.get(CAMPAIGN_SEND_QUEUE).getWaiting();
    const ours = queued.map((job) => sendIdsOf(job.data as CampaignSendPayload)).filter((batch) => ids.includes(batch[0]!));
    // 20 records in batches of at most 8, ascending, together exactly the run's records.
    expect(ours.map((batch) => batch.length).sort()).toEqual([4, 8, 8]);
    expect(ours.flat().sort()).toEqual([...ids].sort());

    // Two batches that share six records, sent at the same time, as a re-planned run could.
    const log = createLogger(h.system.config, 'test');
    const outcomes = await Promise.all([
      campaignSender({ system: h.system, sendIds: ids.slice(0, 12), generation: 0, lastAttempt: false, log }),
      campaignSender({ system: h.system, sendIds: ids.slice(6, 18), generation: 0, lastAttempt: false, log }),
    ]);
    // Whichever reached a shared record second found it sent, or held by the other (then it waits).
    for (const outcome of outcomes) if (outcome.kind === 'wait') expect(outcome.sendIds.every((id) => ids.slice(6, 12).includes(id))).toBe(true);
    for (const member of members.slice(0, 18)) expect(templatesTo(h, member)).toBe(1);
    for (const member of members.slice(18)) expect(templatesTo(h, member)).toBe(0);

    // The planned jobs still run: what was sent is passed over, the last two go once.
    TaskWorker.start({ system: h.system, tasks: CAMPAIGN_TASKS, concurrency: 2 });
    const done = await h.waitFor(campaignId, (d) => d.state === 'completed', 'completion');
    expect(done.counts.sent).toBe(20);
    for (const member of members) expect(templatesTo(h, member)).toBe(1);
    const [attempts] = (await h.system.dataSource.query('SELECT SUM(attempts) AS total FROM campaign_sends WHERE run_id = ?', [runId])) as Array<{ total: string }>;
    expect(Number(attempts!.total)).toBe(20);
  });

  it('leaves a record another job holds to it, and sends it once its lease has run out', async () => {
    const { campaignId, ids, members } = await plannedCampaign(h, 3);
    // Another job (its worker died mid-call) holds the second record for two more seconds.
    await h.system.dataSource.query('UPDATE campaign_sends SET attempts = 1, claimed_until = NOW(3) + INTERVAL 2 SECOND, first_claimed_at = NOW(3) WHERE id = ?', [ids[1]]);
    const log = createLogger(h.system.config, 'test');
    const outcome = await campaignSender({ system: h.system, sendIds: ids, generation: 0, lastAttempt: false, log });
    expect(outcome).toEqual({ kind: 'wait', wakeAt: expect.any(Number) as number, sendIds: [ids[1]] });
    expect(members.map((member) => templatesTo(h, member))).toEqual([1, 0, 1]);

    // The planned job waits for the lease in turn, then sends the held record once.
    TaskWorker.start({ system: h.system, tasks: CAMPAIGN_TASKS, concurrency: 2 });
    const done = await h.waitFor(campaignId, (d) => d.state === 'completed', 'completion');
    expect(done.counts.sent).toBe(3);
    expect(members.map((member) => templatesTo(h, member))).toEqual([1, 1, 1]);
  });

  it('counts the frequency cap again right before sending: a campaign planned alongside another does not send past it', async () => {
    const { segmentId, members } = await h.audience(2);
    const log = createLogger(h.system.config, 'test');
    // Two campaigns with a cap of one message a week, both planned before either sent.
    const runs = [];
    for (const name of ['周末拼装课', '新品到店']) {
      const run = await h.openRun({ ...pointsChangeCampaign(segmentId), name, frequencyCap: { maxSends: 1, perDays: 7 } });
      await campaignPlanner({ system: h.system, runId: run.runId, generation: 0, sweep: false, log });
      runs.push(run);
    }
    const idsOf = async (runId: string): Promise<string[]> =>
      ((await h.system.dataSource.query("SELECT id FROM campaign_sends WHERE run_id = ? AND state = 'pending' ORDER BY id", [runId])) as Array<{ id: string | number }>).map(
        (row) => String(row.id),
      );
    const [first, second] = [await idsOf(runs[0]!.runId), await idsOf(runs[1]!.runId)];
    expect([first.length, second.length]).toEqual([2, 2]);

    await campaignSender({ system: h.system, sendIds: first, generation: 0, lastAttempt: false, log });
    await campaignSender({ system: h.system, sendIds: second, generation: 0, lastAttempt: false, log });
    const states = (await h.system.dataSource.query('SELECT state, skip_reason FROM campaign_sends WHERE run_id = ?', [runs[1]!.runId])) as Array<{
      state: string;
      skip_reason: string;
    }>;
    expect(states).toEqual([
      { state: 'skipped', skip_reason: 'frequency_cap' },
      { state: 'skipped', skip_reason: 'frequency_cap' },
    ]);
    expect(members.map((member) => templatesTo(h, member))).toEqual([1, 1]);
  });

  it('takes over a lapsed lease only where the call is idempotent: a custom-service message fails as outcome unknown', async () => {
    const { segmentId, members } = await h.audience(2, { lastInteractionAt: new Date(Date.now() - 3_600_000) });
    const log = createLogger(h.system.config, 'test');
    const { runId } = await h.openRun({
      name: '到货通知',
      segmentId,
      channel: 'custom_service',
      content: { purpose: 'marketing', variants: [{ text: '您咨询的乐高城市警察局已到货' }] },
      schedule: { kind: 'now' },
    });
    await campaignPlanner({ system: h.system, runId, generation: 0, sweep: false, log });
    const rows = (await h.system.dataSource.query('SELECT id FROM campaign_sends WHERE run_id = ? ORDER BY member_id', [runId])) as Array<{ id: string | number }>;
    const ids = rows.map((row) => String(row.id));
    // The first record's worker died during its call: the lease ran out, the outcome is unknown.
    await h.system.dataSource.query('UPDATE campaign_sends SET attempts = 1, claimed_until = NOW(3) - INTERVAL 1 SECOND WHERE id = ?', [ids[0]]);
    expect(await campaignSender({ system: h.system, sendIds: ids, generation: 0, lastAttempt: false, log })).toEqual({ kind: 'done' });
    const states = (await h.system.dataSource.query('SELECT state, error_message FROM campaign_sends WHERE run_id = ? ORDER BY member_id', [runId])) as Array<{
      state: string;
      error_message: string | null;
    }>;
    expect(states.map((row) => row.state)).toEqual(['failed', 'sent']);
    expect(states[0]!.error_message).toMatch(/outcome unknown/);
    expect(members.map((member) => h.sim.inbox(member.openid!).length)).toEqual([0, 1]);
  });

  it('takes over a lapsed template lease only within the ten minutes WeChat honours its client_msg_id', async () => {
    const { campaignId, ids, members } = await plannedCampaign(h, 2);
    // Both workers died mid-call; the first claimed its record eleven minutes ago, the second two.
    await h.system.dataSource.query(
      'UPDATE campaign_sends SET attempts = 1, claimed_until = NOW(3) - INTERVAL 1 SECOND, first_claimed_at = NOW(3) - INTERVAL ? MINUTE WHERE id = ?',
      [11, ids[0]],
    );
    await h.system.dataSource.query(
      'UPDATE campaign_sends SET attempts = 1, claimed_until = NOW(3) - INTERVAL 1 SECOND, first_claimed_at = NOW(3) - INTERVAL ? MINUTE WHERE id = ?',
      [2, ids[1]],
    );
    const log = createLogger(h.system.config, 'test');
    expect(await campaignSender({ system: h.system, sendIds: ids, generation: 0, lastAttempt: false, log })).toEqual({ kind: 'done' });
    const states = (await h.system.dataSource.query('SELECT state FROM campaign_sends WHERE campaign_id = ? ORDER BY member_id', [campaignId])) as Array<{ state: string }>;
    expect(states.map((row) => row.state)).toEqual(['failed', 'sent']);
    expect(members.map((member) => templatesTo(h, member))).toEqual([0, 1]);
  });
});
