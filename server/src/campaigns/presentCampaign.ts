import type { EntityManager } from 'typeorm';
import type { CampaignCounts, CampaignDetailDto, CampaignDto, CampaignSendState, CampaignSkipReason, CampaignTemplateDto } from '@toyclub/shared';
import { CAMPAIGN_SEND_STATES } from '@toyclub/shared';
import type { Campaign } from './Campaign';
import type { CampaignTemplateConfig } from './campaignsConfigSchema';

/** A campaign for the console. */
export function presentCampaign(campaign: Campaign): CampaignDto {
  return {
    id: campaign.id,
    name: campaign.name,
    segmentId: campaign.segmentId,
    channel: campaign.channel,
    content: campaign.content,
    scheduleKind: campaign.scheduleKind,
    scheduledAt: campaign.scheduledAt?.toISOString() ?? null,
    recurrence: campaign.recurrence,
    frequencyCap: campaign.frequencyCap,
    quietHours: campaign.quietHours,
    holdoutPercent: campaign.holdoutPercent,
    state: campaign.state,
    pausedUntil: campaign.pausedUntil?.toISOString() ?? null,
    stopReason: campaign.stopReason,
    plannedCount: campaign.plannedCount,
    createdByStaffId: campaign.createdByStaffId,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

/**
 * Send records of a campaign by state (from the campaign/state index alone), and skips by
 * reason (reading only the skipped rows): cheap enough for the console to poll.
 */
export async function campaignCounts(
  manager: EntityManager,
  campaignId: string,
): Promise<Pick<CampaignDetailDto, 'counts' | 'skippedByReason'>> {
  const byState = (await manager.query('SELECT state, COUNT(*) AS n FROM campaign_sends WHERE campaign_id = ? GROUP BY state', [campaignId])) as Array<{
    state: CampaignSendState;
    n: string | number;
  }>;
  const counts = Object.fromEntries(CAMPAIGN_SEND_STATES.map((state) => [state, 0])) as CampaignCounts;
  for (const row of byState) counts[row.state] = Number(row.n);
  const skippedByReason: Partial<Record<CampaignSkipReason, number>> = {};
  if (counts.skipped > 0) {
    const byReason = (await manager.query(
      "SELECT skip_reason, COUNT(*) AS n FROM campaign_sends WHERE campaign_id = ? AND state = 'skipped' GROUP BY skip_reason",
      [campaignId],
    )) as Array<{ skip_reason: CampaignSkipReason | null; n: string | number }>;
    for (const row of byReason) if (row.skip_reason) skippedByReason[row.skip_reason] = Number(row.n);
  }
  return { counts, skippedByReason };
}

/** `GET /api/admin/campaigns/:id`: the campaign with its progress. */
export async function presentCampaignDetail(manager: EntityManager, campaign: Campaign): Promise<CampaignDetailDto> {
  return { ...presentCampaign(campaign), ...(await campaignCounts(manager, campaign.id)) };
}

/** A configured template for the composer (`GET /api/admin/campaigns/templates`). */
export function presentCampaignTemplate(template: CampaignTemplateConfig): CampaignTemplateDto {
  return {
    id: template.id,
    title: template.title,
    kind: template.kind,
    serviceNotice: template.serviceNotice,
    fields: template.fields.map((field) => ({ key: field.key, label: field.label })),
  };
}
