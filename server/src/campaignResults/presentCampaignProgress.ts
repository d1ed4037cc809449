import type { CampaignCounts, CampaignProgressDto, CampaignState } from '@toyclub/shared';

/** The figures {@link presentCampaignProgress} turns into the progress DTO. */
export interface CampaignProgressFigures {
  campaignId: string;
  runId: string | null;
  state: CampaignState;
  stopReason: string | null;
  pausedUntil: Date | null;
  plannedCount: number;
  counts: CampaignCounts;
  finished: boolean;
}

/**
 * The console's progress bar: done = every record no longer pending, against the
 * planned count (or the records written, while the planner is still ahead of it). No
 * timestamp in it, so that an unchanged campaign gives an identical snapshot.
 */
export function presentCampaignProgress(figures: CampaignProgressFigures): CampaignProgressDto {
  const total = Object.values(figures.counts).reduce((sum, count) => sum + count, 0);
  const planned = Math.max(figures.plannedCount, total);
  const done = total - figures.counts.pending;
  return {
    campaignId: figures.campaignId,
    runId: figures.runId,
    state: figures.state,
    stopReason: figures.stopReason,
    pausedUntil: figures.pausedUntil ? figures.pausedUntil.toISOString() : null,
    planned,
    counts: { ...figures.counts },
    done,
    // An empty audience is complete once the campaign is.
    percent: planned === 0 ? (figures.finished ? 100 : 0) : Math.floor((done * 1000) / planned) / 10,
    finished: figures.finished,
  };
}
