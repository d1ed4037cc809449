import { z } from 'zod';

const params = z.object({ key: z.enum(['birthday', 'churn', 'welcome', 'expiry'], { error: '没有这个旅程' }) });

/** `PATCH /api/admin/journeys/:key`: switch a journey on or off, or change the birthday greeting's days before. */
export const PatchJourneySchema = z.object({
  params,
  body: z
    .object({
      enabled: z.boolean().optional(),
      daysBefore: z.number().int('提前天数应为整数').min(0, '提前天数不能小于 0').max(60, '提前天数最多 60 天').optional(),
    })
    .strict()
    .refine((body) => body.enabled !== undefined || body.daysBefore !== undefined, '请至少修改一项：enabled 或 daysBefore'),
});
