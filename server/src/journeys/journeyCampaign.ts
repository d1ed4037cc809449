import type { EntityManager } from 'typeorm';
import type { CampaignContent } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import { Campaign } from '../campaigns/Campaign';
import { lockCampaign } from '../campaigns/campaignRecords';
import type { CampaignTemplateConfig } from '../campaigns/campaignsConfigSchema';
import { Segment } from '../segments/Segment';
import type { Journey } from './Journey';
import type { JourneyDefinition } from './JourneyDefinition';

/**
 * The system campaign a journey's sends go through, so that they share the campaign
 * engine's send records, rate limit, client_msg_id, error handling, delivery tracking and
 * reports. Created on the first run (with a segment describing the audience, since every
 * campaign names one), kept `recurring` so that completing a day's run leaves it ready for
 * the next, and refreshed from the configuration at every run. A stopped or cancelled
 * campaign (a template WeChat refused...) halts the journey until it is switched on again.
 */
export async function journeyCampaign({
  manager,
  config,
  definition,
  journey,
  template,
  daysBefore,
}: {
  manager: EntityManager;
  config: AppConfig;
  definition: JourneyDefinition;
  journey: Journey;
  template: CampaignTemplateConfig;
  daysBefore: number;
}): Promise<Campaign | { error: string }> {
  const settings = definition.settings(config);
  const content: CampaignContent = {
    purpose: 'service',
    templateId: template.id,
    variants: [{ fields: settings.fields, ...(settings.miniProgramPage ? { miniProgramPage: settings.miniProgramPage } : {}) }],
  };
  const rules = { channel: template.kind, content, frequencyCap: config.journeys.frequencyCap, quietHours: config.journeys.quietHours };
  if (journey.campaignId) {
    const campaign = await lockCampaign(manager, journey.campaignId);
    if (campaign && (campaign.state === 'stopped' || campaign.state === 'cancelled')) {
      return { error: `旅程的发送活动已${campaign.state === 'stopped' ? '停止' : '取消'}${campaign.stopReason ? `：${campaign.stopReason}` : ''}。请在控制台重新启用旅程` };
    }
    if (campaign) return manager.getRepository(Campaign).save(Object.assign(campaign, rules));
  }
  const segment = await manager.getRepository(Segment).save(
    manager.getRepository(Segment).create({
      name: `旅程：${definition.name}`,
      description: definition.describe(config, daysBefore).slice(0, 255),
      definition: definition.segment(daysBefore),
      createdByStaffId: null,
      deletedAt: null,
    }),
  );
  const repository = manager.getRepository(Campaign);
  const campaign = await repository.save(
    repository.create({
      ...rules,
      name: `旅程：${definition.name}`,
      segmentId: segment.id,
      scheduleKind: 'recurring',
      scheduledAt: null,
      recurrence: null,
      holdoutPercent: 0,
      state: 'scheduled',
      pausedUntil: null,
      stopReason: null,
      plannedCount: 0,
      generation: 0,
      createdByStaffId: null,
    }),
  );
  journey.campaignId = campaign.id;
  return campaign;
}
