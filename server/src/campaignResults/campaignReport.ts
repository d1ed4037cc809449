import type { CampaignReportDto, CampaignState } from '@toyclub/shared';
import { campaignNotFound } from '../campaigns/campaignErrors';
import type { System } from '../system/System';
import { loadConversions } from './conversionQuery';
import { presentCampaignReport } from './presentCampaignReport';
import { loadSendBreakdown } from './sendBreakdownQuery';

/**
 * Builds a campaign's results report from its send records, clicks, WeChat's delivery
 * reports and the members' purchases, with the configured conversion window. Read-only:
 * it can be asked for at any time, during the campaign or long after.
 */
export async function campaignReport(input: { system: System; campaignId: string; now: Date }): Promise<CampaignReportDto> {
  const { dataSource, config } = input.system;
  const [campaign] = (await dataSource.query('SELECT id, name, state FROM campaigns WHERE id = ?', [input.campaignId])) as Array<{
    id: string;
    name: string;
    state: CampaignState;
  }>;
  if (!campaign) throw campaignNotFound();
  const windowDays = config.campaigns.conversionWindowDays;
  const [breakdown, conversions] = await Promise.all([
    loadSendBreakdown(dataSource, input.campaignId),
    loadConversions(dataSource, input.campaignId, windowDays),
  ]);
  return presentCampaignReport({
    campaign: { id: String(campaign.id), name: campaign.name, state: campaign.state },
    conversionWindowDays: windowDays,
    breakdown,
    conversions,
    generatedAt: input.now,
  });
}
