import type { System } from '../system/System';
import type { Campaign } from './Campaign';
import { campaignMassSendTask } from './CampaignMassSendTask';
import { campaignSendTask } from './CampaignSendTask';
import { sendableAt } from './quietHours';

/**
 * Enqueues send jobs for the pending records of a run (all of them, or those of some
 * members), in batches and under deterministic ids (see CampaignSendTask): enqueuing the
 * same records twice in one generation keeps one job. A mass-send campaign gets its one
 * mass-send job instead.
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

/** `items` in consecutive chunks of at most `size`. */
function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let from = 0; from < items.length; from += size) result.push(items.slice(from, from + size));
  return result;
}

/**
 * Enqueues send jobs for these pending records of the campaign's current generation, in
 * batches of `campaigns.sendBatchSize` (ascending ids): those due now in one `addBulk`,
 * those waiting out quiet hours delayed until then, a batch per wake time.
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
  const { sendAttempts, sendBatchSize } = system.config.campaigns;
  const options = { attempts: sendAttempts };
  const sorted = [...rows].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  const byWake = new Map<number, string[]>();
  const ready: string[] = [];
  for (const row of sorted) {
    const wakeAt = row.notBefore?.getTime() ?? 0;
    if (wakeAt <= now.getTime()) ready.push(row.id);
    else if (byWake.has(wakeAt)) byWake.get(wakeAt)!.push(row.id);
    else byWake.set(wakeAt, [row.id]);
  }
  await system.scheduler.scheduleBulk(
    campaignSendTask,
    chunks(ready, sendBatchSize).map((sendIds) => ({ sendIds, generation })),
    options,
  );
  for (const [wakeAt, ids] of byWake) {
    for (const sendIds of chunks(ids, sendBatchSize)) {
      await system.scheduler.schedule(campaignSendTask, { sendIds, generation, wakeAt }, { ...options, delay: wakeAt - now.getTime() });
    }
  }
}
