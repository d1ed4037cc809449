import { z } from 'zod';
import { CAMPAIGN_CHANNELS } from '@toyclub/shared';
import { numericId as id } from '../app/numericId';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

const variant = z.object({
  fields: z.record(z.string().regex(/^[a-z_]+\d+$/), z.string().max(200)).optional(),
  text: z.string().trim().min(1).max(600).optional(),
  url: z.url().max(500).optional(),
  miniProgramPage: z.string().regex(/^[A-Za-z0-9_\-/]+(\?[^\s]*)?$/).max(200).optional(),
});

/** A five-field cron expression (minute hour day month weekday). */
const cron = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4}\S+$/, '请填写五段式 cron 表达式，例如 0 10 * * 1')
  .max(64);

/** The body of `POST /api/admin/campaigns` (channel rules are checked afterwards, with the data). */
export const campaignInputSchema = z.object({
  name: z.string().trim().min(1).max(64),
  segmentId: id,
  channel: z.enum(CAMPAIGN_CHANNELS),
  content: z.object({
    purpose: z.enum(['service', 'marketing']),
    templateId: z.string().trim().min(1).max(64).optional(),
    tagId: id.optional(),
    variants: z.array(variant).min(1).max(2),
  }),
  schedule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('now') }),
    z.object({ kind: z.literal('at'), at: z.iso.datetime({ offset: true }) }),
    z.object({ kind: z.literal('recurring'), cron }),
  ]),
  frequencyCap: z.object({ maxSends: z.number().int().min(1).max(100), perDays: z.number().int().min(1).max(90) }).nullish(),
  quietHours: z.object({ start: hhmm, end: hhmm }).nullish(),
  holdoutPercent: z.number().min(0).max(50).default(0),
});

/** A parsed campaign body. */
export type CampaignInputParsed = z.infer<typeof campaignInputSchema>;

/** `POST /api/admin/campaigns`. */
export const CreateCampaignSchema = z.object({ body: campaignInputSchema });

/** Routes on one campaign. */
export const CampaignIdSchema = z.object({ params: z.object({ id }) });
