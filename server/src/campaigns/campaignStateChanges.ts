import { errors } from '../app/errors';
import { runInTransaction } from '../db/runInTransaction';
import type { System } from '../system/System';
import type { Campaign } from './Campaign';
import { campaignNotFound } from './campaignErrors';
import { CampaignRun } from './CampaignRun';
import { campaignOccurrenceTask } from './CampaignOccurrenceTask';
import { campaignPlanTask } from './CampaignPlanTask';
import { campaignResumeTask } from './CampaignResumeTask';
import { ACTIVE_STATES, latestRun, lockCampaign } from './campaignRecords';
import { nextLocalMidnight } from './quietHours';

/** Bull splits repeat keys on ':', so the repeatable job id of a campaign has none. */
function occurrenceJobId(campaignId: string): string {
  return `campaign-occurrence-${campaignId}`;
}

function repeatOf(system: System, campaign: Campaign): { cron: string; tz: string } {
  return { cron: campaign.recurrence!, tz: system.config.membership.timeZone };
}

async function requireCampaign(manager: Parameters<typeof lockCampaign>[0], campaignId: string): Promise<Campaign> {
  const campaign = await lockCampaign(manager, campaignId);
  if (!campaign) throw campaignNotFound();
  return campaign;
}

/**
 * Starts a run of a campaign (`once`, or a recurring tick) if the campaign is waiting for
 * one, and enqueues its planner (at the campaign's time for `at`). Returns false when the
 * run already exists or the campaign is not waiting.
 */
export async function campaignRunStarter({ system, campaignId, occurrenceKey }: { system: System; campaignId: string; occurrenceKey: string }): Promise<boolean> {
  const started = await runInTransaction(system.dataSource, async (manager) => {
    const campaign = await lockCampaign(manager, campaignId);
    if (!campaign || campaign.state !== 'scheduled') return null;
    const result = (await manager.query("INSERT IGNORE INTO campaign_runs (campaign_id, occurrence_key, state) VALUES (?, ?, 'planning')", [
      campaignId,
      occurrenceKey,
    ])) as { affectedRows: number };
    if (result.affectedRows === 0) return null;
    const run = await manager.getRepository(CampaignRun).findOneByOrFail({ campaignId, occurrenceKey });
    return { run, campaign };
  });
  if (!started) return false;
  const delay = started.campaign.scheduledAt ? Math.max(0, started.campaign.scheduledAt.getTime() - Date.now()) : 0;
  await system.scheduler.schedule(campaignPlanTask, { runId: started.run.id, generation: started.campaign.generation }, { delay });
  return true;
}

/** Draft → scheduled: a one-off campaign gets its run and planner, a recurring one its cron schedule. */
export async function campaignScheduler({ system, campaignId }: { system: System; campaignId: string }): Promise<void> {
  const campaign = await runInTransaction(system.dataSource, async (manager) => {
    const current = await requireCampaign(manager, campaignId);
    if (current.state !== 'draft') throw errors.conflict('campaign_not_draft', '只有草稿状态的活动可以安排发送');
    current.state = 'scheduled';
    return manager.save(current);
  });
  if (campaign.scheduleKind === 'recurring') {
    await system.scheduler.schedule(campaignOccurrenceTask, { campaignId }, { repeat: repeatOf(system, campaign), jobId: occurrenceJobId(campaignId) });
  } else {
    await campaignRunStarter({ system, campaignId, occurrenceKey: 'once' });
  }
}

/**
 * Pauses an active campaign: its send jobs step aside and leave their records pending.
 * `untilTomorrow` (WeChat's daily quota, 45009) sets `paused_until` to the next local
 * midnight and enqueues the resume for then. Returns false when it was not active.
 */
export async function campaignPauser({ system, campaignId, untilTomorrow = false }: { system: System; campaignId: string; untilTomorrow?: boolean }): Promise<boolean> {
  const until = untilTomorrow ? nextLocalMidnight(new Date(), system.config.membership.timeZone) : null;
  const paused = await runInTransaction(system.dataSource, async (manager) => {
    const campaign = await requireCampaign(manager, campaignId);
    if (!ACTIVE_STATES.has(campaign.state)) return false;
    campaign.state = 'paused';
    campaign.pausedUntil = until;
    await manager.save(campaign);
    return true;
  });
  if (paused && until) await system.scheduler.schedule(campaignResumeTask, { campaignId, pausedUntil: until.getTime() }, { delay: until.getTime() - Date.now() });
  return paused;
}

/**
 * Resumes a paused campaign under a new generation: its latest run is planned on (if it
 * was still planning) and every pending send is enqueued again under fresh job ids. With
 * `ifPausedUntil`, only a campaign paused until exactly then (the quota resume) resumes.
 */
export async function campaignResumer({ system, campaignId, ifPausedUntil }: { system: System; campaignId: string; ifPausedUntil?: Date }): Promise<boolean> {
  const resumed = await runInTransaction(system.dataSource, async (manager) => {
    const campaign = await requireCampaign(manager, campaignId);
    if (campaign.state !== 'paused') return null;
    if (ifPausedUntil && campaign.pausedUntil?.getTime() !== ifPausedUntil.getTime()) return null;
    const run = await latestRun(manager, campaignId);
    campaign.generation += 1;
    campaign.pausedUntil = null;
    campaign.state = !run || run.state === 'completed' ? 'scheduled' : run.state;
    await manager.save(campaign);
    return { campaign, run };
  });
  if (!resumed) return false;
  if (resumed.run && resumed.run.state !== 'completed') {
    // A campaign paused before its time still waits for it.
    const scheduledAt = resumed.campaign.scheduledAt?.getTime() ?? 0;
    await system.scheduler.schedule(
      campaignPlanTask,
      { runId: resumed.run.id, generation: resumed.campaign.generation },
      { delay: Math.max(0, scheduledAt - Date.now()) },
    );
  }
  return true;
}

/**
 * Cancels a campaign that has not finished: pending sends become skipped (`cancelled`), so
 * nothing more goes out, and a recurring schedule is removed.
 */
export async function campaignCanceller({ system, campaignId }: { system: System; campaignId: string }): Promise<void> {
  const campaign = await runInTransaction(system.dataSource, async (manager) => {
    const current = await requireCampaign(manager, campaignId);
    if (!['draft', 'scheduled', 'planning', 'sending', 'paused'].includes(current.state)) {
      throw errors.conflict('campaign_finished', '活动已结束，无法取消');
    }
    current.state = 'cancelled';
    current.pausedUntil = null;
    return manager.save(current);
  });
  // In batches after the commit: a million pending sends is no single transaction. Sends
  // cannot be claimed any more (their claim requires an active campaign).
  for (;;) {
    const result = (await system.dataSource.query(
      "UPDATE campaign_sends SET state = 'skipped', skip_reason = 'cancelled' WHERE campaign_id = ? AND state = 'pending' LIMIT 10000",
      [campaignId],
    )) as { affectedRows: number };
    if (result.affectedRows === 0) break;
  }
  if (campaign.scheduleKind === 'recurring' && campaign.recurrence) {
    await system.queues.get(campaignOccurrenceTask.queueName).removeRepeatable(campaignOccurrenceTask.name, {
      ...repeatOf(system, campaign),
      jobId: occurrenceJobId(campaignId),
    });
  }
}

/** Stops a campaign WeChat refuses (bad template, no permission...) and says why; pending sends stay visible as pending. */
export async function campaignStopper({ system, campaignId, reason }: { system: System; campaignId: string; reason: string }): Promise<void> {
  await system.dataSource.query(
    "UPDATE campaigns SET state = 'stopped', stop_reason = ?, paused_until = NULL WHERE id = ? AND state IN ('scheduled', 'planning', 'sending', 'paused')",
    [reason.slice(0, 255), campaignId],
  );
}
