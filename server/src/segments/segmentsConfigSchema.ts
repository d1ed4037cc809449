import { z } from 'zod';

const days = z.coerce.number().int().min(1).max(3650);
const count = z.coerce.number().int().min(1).max(10_000);
const fen = z.coerce.number().int().min(0).max(100_000_000_00);

/**
 * Thresholds of the built-in segments (see the README's segments section). Windows are
 * the member statistics' 90- and 365-day figures; amounts in fen, net of refunds.
 */
export const segmentsConfigSchema = z.object({
  builtin: z.object({
    /** 高频: at least this many purchases in 365 days. */
    highFrequencyCount365d: count,
    /** 低频: at least one and at most this many purchases in 365 days. */
    lowFrequencyMaxCount365d: count,
    /** 低客单: average ticket at most this. */
    lowTicketMaxFen: fen,
    /** 高客单: average ticket at least this. */
    highTicketMinFen: fen,
    /** 高价值 / 重要发展: a purchase within this many days ("recent")... */
    recentDays: days,
    /** ...and at least this much spent in 365 days; 高价值 also buys often (frequentCount365d). */
    highValueSpend365dFen: fen,
    frequentCount365d: count,
    /** 沉默: has bought, but not for this many days. */
    dormantDays: days,
    /** 流失风险: days since the last purchase above factor × the member's own average interval... */
    churnIntervalFactor: z.coerce.number().min(1).max(10),
    /** ...an interval never taken as shorter than this (two purchases on one day are not a habit)... */
    churnMinIntervalDays: days,
    /** ...and only for members with at least this many purchases. */
    churnMinPurchases: z.coerce.number().int().min(2).max(1000),
    /** 新会员: registered within this many days. */
    newMemberDays: days,
  }),
  /** Members shown in a preview's sample. */
  previewSampleSize: z.coerce.number().int().min(1).max(100),
});

/** The `segments` section of the configuration. */
export type SegmentsConfig = z.infer<typeof segmentsConfigSchema>;
