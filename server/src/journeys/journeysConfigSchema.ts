import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * Template field key → text with `{placeholders}` filled per member (see renderJourneyFields);
 * the keys must be exactly the template's fields in `campaigns.templates`.
 */
const fieldPatterns = z.record(z.string().regex(/^[a-z_]+\d+$/), z.string().trim().min(1).max(60));

const journeyBase = z.object({
  /** The default; the console's switch (the `journeys` table) overrides it. */
  enabled: z.boolean(),
  /** An approved service-notice template of `campaigns.templates` (template or subscribe kind). */
  templateId: z.string().trim().min(1).max(64),
  fields: fieldPatterns,
  miniProgramPage: z
    .string()
    .regex(/^[A-Za-z0-9_\-/]+$/)
    .max(200)
    .optional(),
});

/**
 * The automatic journeys: their templates and texts, and the frequency cap and quiet
 * hours their sends obey (set on each journey's system campaign at every run).
 */
export const journeysConfigSchema = z.object({
  frequencyCap: z.object({ maxSends: positiveInt.max(100), perDays: positiveInt.max(90) }).nullable(),
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable(),
  birthday: journeyBase.extend({
    /** Greet this many days before the birthday (a child whose birthday is nearer is greeted at once). */
    daysBefore: z.coerce.number().int().min(0).max(60),
    /** In-stock toys suggested (2 or 3). */
    toyCount: z.coerce.number().int().min(2).max(3),
  }),
  churn: journeyBase
    .extend({
      /** The win-back offer, as the member reads it (≤ 20 characters: one template field). */
      offer: z.string().trim().min(1).max(20),
      /** How long the offer lasts: the bonus points' lot expires after this many days. */
      offerValidDays: positiveInt.max(365),
      /**
       * Points credited once per churn episode with the warning (reason `winback_bonus`);
       * 0: no bonus, the warning carries the offer text only.
       */
      bonusPoints: z.coerce.number().int().min(0).max(100_000),
    })
    .refine((churn) => churn.bonusPoints === 0 || new RegExp(`(^|\\D)${churn.bonusPoints}(\\D|$)`).test(churn.offer), {
      // The message must promise what the ledger credits, not a stale figure.
      message: 'offer must state the bonus points (e.g. 回归礼：赠送100积分)',
      path: ['offer'],
    }),
  welcome: journeyBase.extend({
    /** The card's benefits in a line (≤ 20 characters). */
    benefits: z.string().trim().min(1).max(20),
  }),
  expiry: journeyBase.extend({
    /** Remind of points whose lot expires within this many days. */
    withinDays: positiveInt.max(90),
  }),
});

/** The `journeys` section of the configuration. */
export type JourneysConfig = z.infer<typeof journeysConfigSchema>;
