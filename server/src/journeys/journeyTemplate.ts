import type { AppConfig } from '../config/configSchema';
import type { CampaignTemplateConfig } from '../campaigns/campaignsConfigSchema';
import type { JourneyTemplateSettings } from './JourneyDefinition';

/**
 * The approved template a journey sends with, or why it cannot: journeys only carry
 * service notices (a birthday benefit ready, points expiring, a membership welcome: see
 * WeChat's template rules), and their field patterns must fill exactly the template's fields.
 */
export function journeyTemplate(config: Pick<AppConfig, 'campaigns'>, settings: JourneyTemplateSettings): { template: CampaignTemplateConfig } | { error: string } {
  const template = config.campaigns.templates.find((candidate) => candidate.id === settings.templateId);
  if (!template) return { error: `模板 ${settings.templateId} 不在门店已审核通过的模板列表中` };
  if (!template.serviceNotice) return { error: `模板「${template.title}」不是服务通知，旅程不能用它发送营销内容` };
  const expected = template.fields.map((field) => field.key).sort();
  const given = Object.keys(settings.fields).sort();
  if (expected.join(',') !== given.join(',')) return { error: `旅程的字段（${given.join('、')}）与模板「${template.title}」的字段（${expected.join('、')}）不一致` };
  return { template };
}
