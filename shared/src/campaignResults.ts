import type { CampaignCounts, CampaignState } from './campaigns';

/**
 * `GET /api/admin/campaigns/:id/progress` and each `progress` event of its stream: the
 * current run's send records by state against the number planned.
 */
export interface CampaignProgressDto {
  campaignId: string;
  /** The run shown (a recurring campaign's latest occurrence); null before the first is planned. */
  runId: string | null;
  state: CampaignState;
  stopReason: string | null;
  pausedUntil: string | null;
  /** Members planned for the run (grows while the run is being planned). */
  planned: number;
  counts: CampaignCounts;
  /** Records no longer pending: sent, delivered, failed, skipped or held out. */
  done: number;
  /** done / planned, 0–100 with one decimal. */
  percent: number;
  /** True once the campaign is completed, cancelled or stopped: the stream ends after this. */
  finished: boolean;
}

/** Conversions of one group (sent, or held out) within the conversion window. */
export interface CampaignGroupResultDto {
  /** Members in the group (sent: accepted by WeChat; holdout: held out). */
  members: number;
  /** Members with at least one attributed purchase. */
  conversions: number;
  /** Attributed purchases. */
  purchases: number;
  /** Attributed revenue net of refunds, in fen. */
  revenueFen: number;
  /** conversions / members (0–1), null for an empty group. */
  conversionRate: number | null;
  /** revenueFen / members, null for an empty group. */
  revenuePerMemberFen: number | null;
}

/** Treatment against holdout: absolute difference of conversion rates and relative change. */
export interface CampaignUpliftDto {
  /** Treatment rate − holdout rate (e.g. 0.05 = 5 percentage points); null without both groups. */
  absolute: number | null;
  /** absolute / holdout rate; null when the holdout converted nobody. */
  relative: number | null;
}

/** One content variant's results (its holdout comparison is against the campaign's one holdout). */
export interface CampaignVariantReportDto {
  /** 0 or 1, as in the campaign's `content.variants`. */
  variant: number;
  audience: number;
  sent: number;
  delivered: number;
  deliveryFailed: number;
  failed: number;
  skipped: number;
  uniqueClicks: number;
  clickRate: number | null;
  result: CampaignGroupResultDto;
  uplift: CampaignUpliftDto;
}

/** `GET /api/admin/campaigns/:id/report`: what a campaign delivered, and what it earned over the holdout. */
export interface CampaignReportDto {
  campaignId: string;
  name: string;
  state: CampaignState;
  conversionWindowDays: number;
  /** Every send record (all runs): sent, failed, skipped, pending and held out. */
  audience: number;
  heldOut: number;
  pending: number;
  /** Accepted by WeChat and not reported undelivered: the treatment group. */
  sent: number;
  /** Of `sent`, delivered as WeChat's delivery report (TEMPLATESENDJOBFINISH) says. */
  delivered: number;
  /** Of `failed`, accepted by WeChat and then reported undelivered (e.g. `failed:user block`), by WeChat's status text. */
  deliveryFailed: { total: number; byStatus: Array<{ status: string; count: number }> };
  /** Not sent: by WeChat error code, or by the delivery report's status text for delivery failures. */
  failed: { total: number; byError: Array<{ error: string; count: number }> };
  skipped: { total: number; byReason: Array<{ reason: string; count: number }> };
  clicks: { unique: number; total: number; clickRate: number | null };
  /** The sent group (sent and delivered members). */
  treatment: CampaignGroupResultDto;
  holdout: CampaignGroupResultDto;
  /** Sent group against holdout. */
  uplift: CampaignUpliftDto;
  /**
   * Every member not held out, reached or not (skipped, failed and pending included). The
   * holdout is drawn from the whole audience, so this is its unbiased counterpart.
   */
  intentToTreat: CampaignGroupResultDto;
  /** Intent-to-treat group against holdout: the campaign's effect on the whole audience. */
  upliftIntentToTreat: CampaignUpliftDto;
  variants: CampaignVariantReportDto[];
  generatedAt: string;
}

/** The mini-program page parameter a campaign message's tracked page link carries (`?ctk=<token>`). */
export const CAMPAIGN_CLICK_PARAM = 'ctk';

/** `POST /api/mp/campaign-clicks` body: the `ctk` parameter the mini-program page was opened with. */
export interface CampaignClickInput {
  token: string;
}

/** `POST /api/mp/campaign-clicks` answer. */
export interface CampaignClickDto {
  recorded: true;
  /** How often this send's links have been opened, this time included. */
  clickCount: number;
}
