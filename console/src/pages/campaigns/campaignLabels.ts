import type { CampaignChannel, CampaignSendState, CampaignSkipReason, CampaignState } from '@toyclub/shared';

/** Campaign states as the console names and colours them. */
export const CAMPAIGN_STATE_LABELS: Record<CampaignState, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  scheduled: { label: '待发送', color: 'blue' },
  planning: { label: '准备中', color: 'processing' },
  sending: { label: '发送中', color: 'processing' },
  paused: { label: '已暂停', color: 'warning' },
  completed: { label: '已完成', color: 'success' },
  cancelled: { label: '已取消', color: 'default' },
  stopped: { label: '已停止', color: 'error' },
};

/** The WeChat channels, named as the store knows them. */
export const CHANNEL_LABELS: Record<CampaignChannel, string> = {
  template: '模板消息（服务通知）',
  subscribe: '订阅消息',
  mass_tag: '按标签群发',
  custom_service: '客服消息（48 小时内互动）',
};

/** Send-record states. */
export const SEND_STATE_LABELS: Record<CampaignSendState, string> = {
  pending: '待发送',
  sent: '已发送',
  delivered: '已送达',
  failed: '失败',
  skipped: '跳过',
  held_out: '对照组',
};

/** Why members were skipped. */
export const SKIP_REASON_LABELS: Record<CampaignSkipReason, string> = {
  no_follower: '未关注公众号',
  unreachable: '无法触达',
  no_subscribe_grant: '没有订阅授权',
  outside_48h_window: '超出 48 小时互动窗口',
  mass_monthly_limit: '本月群发次数已满',
  frequency_cap: '超过频次上限',
  cancelled: '活动已取消',
};
