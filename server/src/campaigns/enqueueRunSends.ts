import type { System } from '../system/System';
import type { Campaign } from './Campaign';
import { campaignMassSendTask } from './CampaignMassSendTask';
import { campaignSendTask } from './CampaignSendTask';
import { sendableAt } from './quietHours';

/**
 * Enqueues a send job for each pending record of a run (all of them, or those of some
 * members), in bulk and under deterministic ids (`campaign-send:<id>:g<generation>`):
 * enqueuing the same record twice in one generation keeps one job. A mass-send campaign
 * gets its one mass-send job instead.
 */
export async function enqueueRunSends({
  system,
  campaign,
  runId,
  memberIds,
  now = new Date(),
}: {
  system: System;
  campaign: Campaign;
  runId: string;
  memberIds?: number[];
  now?: Date;
}): Promise<number> {
  const generation = campaign.generation;
  if (campaign.channel === 'mass_tag') {
    if (memberIds) return 0; // the mass send goes once the whole run is planned
    const wakeAt = sendableAt(now, campaign.quietHours, system.config.membership.timeZone).getTime();
    if (wakeAt > now.getTime()) {
      await system.scheduler.schedule(campaignMassSendTask, { runId, generation, wakeAt }, { delay: wakeAt - now.getTime() });
    } else {
      await system.scheduler.schedule(campaignMassSendTask, { runId, generation });
    }
    return 1;
  }
  let enqueued = 0;
  const pageSize = system.config.campaigns.planPageSize;
  for (let after = '0'; ; ) {
    const rows = (await system.dataSource.query(
      `SELECT id, not_before FROM campaign_sends WHERE run_id = ? AND state = 'pending' AND id > ?
       ${memberIds ? 'AND member_id IN (?)' : ''} ORDER BY id LIMIT ?`,
      memberIds ? [runId, after, memberIds, pageSize] : [runId, after, pageSize],
    )) as Array<{ id: string; not_before: Date | null }>;
    if (rows.length === 0) return enqueued;
    await enqueueSendRows({ system, campaign, rows: rows.map((row) => ({ id: String(row.id), notBefore: row.not_before })), now });
    enqueued += rows.length;
    after = String(rows[rows.length - 1]!.id);
    if (memberIds) return enqueued;
  }
}

/**
 * Enqueues send jobs for these pending records of the campaign's current generation: those
 * due now in one `addBulk`, those waiting out quiet hours delayed until then.
 */
export async function enqueueSendRows({
  system,
  campaign,
  rows,
  now = new Date(),
}: {
  system: System;
  campaign: Campaign;
  rows: Array<{ id: string; notBefore: Date | null }>;
  now?: Date;
}): Promise<void> {
  const generation = campaign.generation;
  const options = { attempts: system.config.campaigns.sendAttempts };
  const delayed = rows.filter((row) => row.notBefore && row.notBefore.getTime() > now.getTime());
  const ready = rows.filter((row) => !delayed.includes(row));
  await system.scheduler.scheduleBulk(
    campaignSendTask,
    ready.map((row) => ({ sendId: row.id, generation })),
    options,
  );
  for (const row of delayed) {
    const wakeAt = row.notBefore!.getTime();
    await system.scheduler.schedule(campaignSendTask, { sendId: row.id, generation, wakeAt }, { ...options, delay: wakeAt - now.getTime() });
  }
}
