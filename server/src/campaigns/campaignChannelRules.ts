import type { EntityManager } from 'typeorm';
import type { CampaignChannel, CampaignContent, CampaignScheduleKind, FrequencyCap } from '@toyclub/shared';
import { errors } from '../app/errors';
import type { AppConfig } from '../config/configSchema';
import type { SegmentAudience } from '../segments/segmentAudience';
import { audienceHasAny } from './audienceHasAny';
import type { CampaignTemplateConfig } from './campaignsConfigSchema';

/** The parts of a campaign the channel rules judge. */
export interface CampaignRuleInput {
  segmentId: string;
  channel: CampaignChannel;
  content: CampaignContent;
  scheduleKind: CampaignScheduleKind;
  holdoutPercent: number;
  frequencyCap?: FrequencyCap | null;
}

/** What the channel rules look at: the campaign as submitted, its audience and the configuration. */
export interface ChannelCheck {
  manager: EntityManager;
  config: Pick<AppConfig, 'campaigns'>;
  input: CampaignRuleInput;
  audience: SegmentAudience;
  now: Date;
}

const refuse = errors.unprocessable;

function templateFor(check: ChannelCheck, kind: 'template' | 'subscribe'): CampaignTemplateConfig {
  const { templateId } = check.input.content;
  if (!templateId) throw refuse('template_required', kind === 'template' ? '模板消息需要选择一个模板' : '订阅通知需要选择一个订阅模板');
  const template = check.config.campaigns.templates.find((candidate) => candidate.id === templateId && candidate.kind === kind);
  if (!template) throw refuse('template_not_configured', '这个模板不在门店已审核通过的模板列表中');
  return template;
}

/** Every variant fills exactly the template's fields, each ≤ 20 characters on one line (WeChat's 2023 rules). */
function checkFields(check: ChannelCheck, template: CampaignTemplateConfig): void {
  for (const variant of check.input.content.variants) {
    const fields = variant.fields ?? {};
    for (const field of template.fields) {
      const value = fields[field.key];
      if (value === undefined || value.trim() === '') throw refuse('template_field_missing', `缺少模板字段「${field.label}」`);
      if ([...value].length > 20 || /[\r\n]/.test(value)) throw refuse('template_field_too_long', `模板字段「${field.label}」不能超过20个字，也不能换行`);
    }
    const unknown = Object.keys(fields).find((key) => !template.fields.some((field) => field.key === key));
    if (unknown) throw refuse('template_field_unknown', `模板「${template.title}」没有字段 ${unknown}`);
  }
}

function requireText(check: ChannelCheck): void {
  if (check.input.content.variants.some((variant) => !variant.text)) throw refuse('text_required', '群发和客服消息需要填写消息内容');
}

async function checkTemplate(check: ChannelCheck): Promise<void> {
  const template = templateFor(check, 'template');
  if (check.input.content.purpose !== 'service' || !template.serviceNotice) {
    throw refuse('marketing_by_template', '模板消息只能用于服务通知（活动提醒、积分变动、投票结果、生日礼遇等），营销内容请改用按标签群发');
  }
  checkFields(check, template);
}

async function checkSubscribe(check: ChannelCheck): Promise<void> {
  const template = templateFor(check, 'subscribe');
  checkFields(check, template);
  const granted = await audienceHasAny(check.manager, check.audience, {
    sql: `EXISTS (SELECT 1 FROM oa_followers f JOIN oa_subscribe_grants g ON g.openid = f.openid
           WHERE f.member_id = m.id AND f.reachable = 1 AND g.template_id = ? AND g.remaining > 0)`,
    params: [template.id],
  });
  if (!granted) throw refuse('no_subscribe_grants', '分群中没有会员还剩这个模板的订阅授权（每次授权只能发送一次）');
}

async function checkMassTag(check: ChannelCheck): Promise<void> {
  requireText(check);
  const { tagId } = check.input.content;
  if (!tagId) throw refuse('tag_required', '按标签群发需要选择一个标签');
  if (check.input.content.variants.length > 1) throw refuse('mass_single_variant', '按标签群发一次只能发送一种内容');
  if (check.input.holdoutPercent > 0) throw refuse('mass_no_holdout', '按标签群发会发给标签下的所有粉丝，无法留出对照组');
  if (check.input.frequencyCap) throw refuse('mass_no_frequency_cap', '按标签群发无法按会员限制发送频率（微信限制每位粉丝每月最多收到4条群发）');
  const [tag] = (await check.manager.query('SELECT wechat_tag_id, mirror_to_wechat FROM tags WHERE id = ?', [tagId])) as Array<{
    wechat_tag_id: number | null;
    mirror_to_wechat: number;
  }>;
  if (!tag) throw errors.notFound('tag_not_found', '找不到这个标签');
  if (tag.wechat_tag_id === null || !tag.mirror_to_wechat) throw refuse('tag_not_mirrored', '这个标签还没有同步到微信，无法按标签群发');
}

async function checkCustomService(check: ChannelCheck): Promise<void> {
  requireText(check);
  if (check.input.scheduleKind !== 'now') throw refuse('custom_service_now_only', '客服消息只能在会员最近一次互动后48小时内发送，只能选择立即发送');
  const hours = check.config.campaigns.customServiceWindowHours;
  const since = new Date(check.now.getTime() - hours * 3_600_000);
  const open = await audienceHasAny(check.manager, check.audience, {
    sql: 'EXISTS (SELECT 1 FROM oa_followers f WHERE f.member_id = m.id AND f.reachable = 1 AND f.last_interaction_at >= ?)',
    params: [since],
  });
  if (!open) throw refuse('custom_window_closed', `分群中没有会员在${hours}小时内与公众号互动过，无法发送客服消息`);
}

/**
 * WeChat's channel rules, checked when a campaign is composed and again when it is
 * scheduled: throws a 422 whose message says in Chinese why the content or the audience
 * does not allow the channel.
 */
export async function checkCampaignChannel(check: ChannelCheck): Promise<void> {
  switch (check.input.channel) {
    case 'template':
      return checkTemplate(check);
    case 'subscribe':
      return checkSubscribe(check);
    case 'mass_tag':
      return checkMassTag(check);
    case 'custom_service':
      return checkCustomService(check);
  }
}
