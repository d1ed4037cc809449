import type { Logger } from '../logging/createLogger';
import { runInTransaction } from '../db/runInTransaction';
import { loadSegmentAudience } from '../segments/segmentAudience';
import type { System } from '../system/System';
import { Campaign } from './Campaign';
import { CampaignRun } from './CampaignRun';
import { campaignCompletion } from './campaignCompletion';
import { ACTIVE_STATES } from './campaignRecords';
import { enqueueRunSends, enqueueSendRows } from './enqueueRunSends';
import { insertPlannedSends, planPage } from './planPage';
import { sendableAt } from './quietHours';

/** What {@link campaignPlanner} works on: a run, for one generation of the campaign (resumes bump it). */
export interface CampaignPlanInput {
  system: System;
  runId: string;
  generation: number;
  /** True when this may continue an interrupted planner or a resume: re-enqueue every pending send at the end. */
  sweep: boolean;
  log: Logger;
  now?: () => Date;
}

async function activeCampaign(system: System, campaignId: string, generation: number): Promise<Campaign | null> {
  const campaign = await system.dataSource.getRepository(Campaign).findOneBy({ id: campaignId });
  return campaign && campaign.generation === generation && ACTIVE_STATES.has(campaign.state) ? campaign : null;
}

/**
 * Plans a campaign run: walks the segment by keyset pages from the run's saved cursor,
 * inserts each page's send records (INSERT IGNORE: a restarted planner adds nobody twice)
 * and moves the cursor in the same transaction, then enqueues that page's send jobs. It
 * stops quietly when the campaign is paused or cancelled (a resume plans on). Once the
 * audience is walked the run is `sending`; a sweep then re-enqueues every pending send
 * (those whose page committed just before a crash), under ids that make repeats no-ops.
 */
export async function campaignPlanner({ system, runId, generation, sweep, log, now = () => new Date() }: CampaignPlanInput): Promise<void> {
  const run = await system.dataSource.getRepository(CampaignRun).findOneBy({ id: runId });
  if (!run) return;
  const initial = await activeCampaign(system, run.campaignId, generation);
  if (!initial) return;
  let campaign: Campaign = initial;
  if (run.state === 'planning') {
    await system.dataSource.query("UPDATE campaigns SET state = 'planning' WHERE id = ? AND state = 'scheduled'", [campaign.id]);
    const audience = await loadSegmentAudience({ manager: system.dataSource.manager, segmentId: Number(campaign.segmentId), config: system.config });
    let cursor = Number(run.planCursor);
    // A page's jobs are enqueued while the next page is planned (Redis and MariaDB work
    // overlap). A crash in between leaves records without jobs: the retry's sweep enqueues them.
    let enqueuing: Promise<void> = Promise.resolve();
    for (;;) {
      const memberIds = await audience.page(cursor, system.config.campaigns.planPageSize);
      if (memberIds.length === 0) break;
      const at = now();
      const current = campaign;
      const notBefore = sendableAt(at, current.quietHours, system.config.membership.timeZone);
      const inserted = await runInTransaction(system.dataSource, async (manager) => {
        const sends = await planPage({ manager, config: system.config, campaign: current, runId, memberIds, now: at });
        const rows = await insertPlannedSends({ manager, campaign: current, runId, sends, notBefore: notBefore > at ? notBefore : null });
        // Guarded by the old cursor: of two planners racing on one run, one moves it.
        const result = (await manager.query('UPDATE campaign_runs SET plan_cursor = ?, planned_count = planned_count + ? WHERE id = ? AND plan_cursor = ?', [
          memberIds[memberIds.length - 1],
          rows.length,
          runId,
          cursor,
        ])) as { affectedRows: number };
        if (result.affectedRows !== 1) return null;
        // Progress while planning: the console's planned count grows page by page.
        await manager.query('UPDATE campaigns SET planned_count = planned_count + ? WHERE id = ?', [rows.length, current.id]);
        return rows;
      });
      await enqueuing;
      if (!inserted) {
        log.warn({ runId }, 'another planner moved this run on; stopping');
        return;
      }
      const pending = inserted.filter((row) => row.state === 'pending');
      // A mass send goes once the whole run is planned.
      enqueuing = current.channel === 'mass_tag' ? Promise.resolve() : enqueueSendRows({ system, campaign: current, rows: pending, now: at });
      enqueuing.catch(() => undefined); // awaited below; this only keeps Node from calling it unhandled meanwhile
      cursor = memberIds[memberIds.length - 1]!;
      const still = await activeCampaign(system, current.id, generation);
      if (!still) {
        await enqueuing;
        return;
      }
      campaign = still;
    }
    await enqueuing;
    await runInTransaction(system.dataSource, async (manager) => {
      await manager.query("UPDATE campaign_runs SET state = 'sending', planned_at = ? WHERE id = ? AND state = 'planning'", [now(), runId]);
      await manager.query(
        `UPDATE campaigns SET planned_count = (SELECT COALESCE(SUM(planned_count), 0) FROM campaign_runs WHERE campaign_id = ?),
           state = IF(state IN ('scheduled', 'planning'), 'sending', state) WHERE id = ?`,
        [campaign.id, campaign.id],
      );
    });
    log.info({ runId, campaignId: campaign.id }, 'campaign run planned');
  }
  if (sweep || run.state === 'sending' || campaign.channel === 'mass_tag') await enqueueRunSends({ system, campaign, runId, now: now() });
  await campaignCompletion({ dataSource: system.dataSource, runId });
}
