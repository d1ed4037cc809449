/** The WeChat channels a campaign can go through (see the channel rules in the README). */
export const CAMPAIGN_CHANNELS = ['template', 'subscribe', 'mass_tag', 'custom_service'] as const;

/** One of {@link CAMPAIGN_CHANNELS}. */
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/** When a campaign goes out: at once, at a set time, or on a cron schedule. */
export type CampaignScheduleKind = 'now' | 'at' | 'recurring';

/** Where a campaign stands. */
export type CampaignState = 'draft' | 'scheduled' | 'planning' | 'sending' | 'paused' | 'completed' | 'cancelled' | 'stopped';

/** Campaign states after which nothing is sent or changes any more: a progress stream ends there. */
export const FINISHED_CAMPAIGN_STATES: readonly CampaignState[] = ['completed', 'cancelled', 'stopped'];

/** Where one member's send stands. */
export type CampaignSendState = 'pending' | 'sent' | 'delivered' | 'failed' | 'skipped' | 'held_out';

/** Every {@link CampaignSendState}, in the order the console shows them. */
export const CAMPAIGN_SEND_STATES: readonly CampaignSendState[] = ['pending', 'sent', 'delivered', 'failed', 'skipped', 'held_out'];

/** Why a member was skipped rather than sent to. */
export type CampaignSkipReason =
  | 'no_follower'
  | 'unreachable'
  | 'no_subscribe_grant'
  | 'outside_48h_window'
  | 'mass_monthly_limit'
  | 'frequency_cap'
  | 'cancelled';

/** Service notices may go by template; marketing only by mass send, subscribe or custom service. */
export type CampaignPurpose = 'service' | 'marketing';

/** One content variant: template/subscribe field values, or text for mass and custom-service sends. */
export interface CampaignVariant {
  /** Template or subscribe fields by key, e.g. `{ thing1: '生日礼已备好' }` (≤ 20 characters each). */
  fields?: Record<string, string>;
  /** Text for `mass_tag` and `custom_service`. */
  text?: string;
  url?: string;
  /** A mini-program page the message opens (wins over `url`). */
  miniProgramPage?: string;
}

/** What a campaign sends: the template (template and subscribe channels), the tag (mass), and up to two variants. */
export interface CampaignContent {
  purpose: CampaignPurpose;
  templateId?: string;
  /** The id of a ToyClub tag mirrored to WeChat (mass_tag). */
  tagId?: string;
  /** One or two; with two, members are split at random (deterministically per member). */
  variants: CampaignVariant[];
}

/** At most `maxSends` campaign messages per member within `perDays` days, across campaigns. */
export interface FrequencyCap {
  maxSends: number;
  perDays: number;
}

/** No sends between `start` and `end` (HH:mm, the stores' time zone; may span midnight). */
export interface QuietHours {
  start: string;
  end: string;
}

/** Body of `POST /api/admin/campaigns`. */
export interface CampaignInput {
  name: string;
  segmentId: string;
  channel: CampaignChannel;
  content: CampaignContent;
  schedule: { kind: 'now' } | { kind: 'at'; at: string } | { kind: 'recurring'; cron: string };
  frequencyCap?: FrequencyCap | null;
  quietHours?: QuietHours | null;
  /** Share of the audience held out (not sent) to measure uplift, 0–50. */
  holdoutPercent?: number;
}

/** Send records by state. */
export type CampaignCounts = Record<CampaignSendState, number>;

/** A campaign as the console sees it. */
export interface CampaignDto {
  id: string;
  name: string;
  segmentId: string;
  channel: CampaignChannel;
  content: CampaignContent;
  scheduleKind: CampaignScheduleKind;
  scheduledAt: string | null;
  recurrence: string | null;
  frequencyCap: FrequencyCap | null;
  quietHours: QuietHours | null;
  holdoutPercent: number;
  state: CampaignState;
  pausedUntil: string | null;
  stopReason: string | null;
  plannedCount: number;
  createdByStaffId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/admin/campaigns/:id`: the campaign and its send records by state (and skips by reason). */
export interface CampaignDetailDto extends CampaignDto {
  counts: CampaignCounts;
  skippedByReason: Partial<Record<CampaignSkipReason, number>>;
}

/** `GET /api/admin/campaigns`. */
export interface CampaignListDto {
  campaigns: CampaignDto[];
}

/** A template the store may send (from the server's `campaigns.templates` config). */
export interface CampaignTemplateDto {
  id: string;
  title: string;
  /** `template` (template message) or `subscribe` (subscription notice, one grant per send). */
  kind: 'template' | 'subscribe';
  fields: Array<{ key: string; label: string }>;
  serviceNotice: boolean;
}

/** `GET /api/admin/campaigns/templates`. */
export interface CampaignTemplateListDto {
  templates: CampaignTemplateDto[];
}
