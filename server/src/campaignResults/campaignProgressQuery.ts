import type { DataSource } from 'typeorm';
import type { CampaignCounts, CampaignProgressDto, CampaignState } from '@toyclub/shared';
import { CAMPAIGN_SEND_STATES, FINISHED_CAMPAIGN_STATES } from '@toyclub/shared';
import { presentCampaignProgress } from './presentCampaignProgress';

interface CampaignRow {
  state: CampaignState;
  stop_reason: string | null;
  paused_until: Date | null;
}

/** True when the campaign exists: one primary-key read, for checks that need no counts. */
export async function campaignExists(dataSource: DataSource, campaignId: string): Promise<boolean> {
  const rows = (await dataSource.query('SELECT 1 FROM campaigns WHERE id = ? LIMIT 1', [campaignId])) as unknown[];
  return rows.length > 0;
}

/**
 * The progress of a campaign's latest run, or null for an unknown campaign. Three small
 * indexed reads (the counts come from `(run_id, state, id)` alone), cheap enough to
 * repeat every second while a console watches.
 */
export async function loadCampaignProgress(dataSource: DataSource, campaignId: string): Promise<CampaignProgressDto | null> {
  const [campaign] = (await dataSource.query('SELECT state, stop_reason, paused_until FROM campaigns WHERE id = ?', [campaignId])) as CampaignRow[];
  if (!campaign) return null;
  const [run] = (await dataSource.query('SELECT id, planned_count FROM campaign_runs WHERE campaign_id = ? ORDER BY id DESC LIMIT 1', [campaignId])) as Array<{
    id: string;
    planned_count: number;
  }>;
  const counts = Object.fromEntries(CAMPAIGN_SEND_STATES.map((state) => [state, 0])) as CampaignCounts;
  if (run) {
    const rows = (await dataSource.query('SELECT state, COUNT(*) AS n FROM campaign_sends WHERE run_id = ? GROUP BY state', [run.id])) as Array<{
      state: string;
      n: string | number;
    }>;
    for (const row of rows) if (row.state in counts) counts[row.state as keyof CampaignCounts] = Number(row.n);
  }
  return presentCampaignProgress({
    campaignId,
    runId: run ? String(run.id) : null,
    state: campaign.state,
    stopReason: campaign.stop_reason,
    pausedUntil: campaign.paused_until,
    plannedCount: run ? Number(run.planned_count) : 0,
    counts,
    finished: FINISHED_CAMPAIGN_STATES.includes(campaign.state),
  });
}
