import { z } from 'zod';
import { TOY_CATEGORIES } from '@toyclub/shared';
import type { TagCondition, TagRule } from '@toyclub/shared';

const MAX_FEN = 100_000_000_000;
const days = z.number().int('天数须为整数').min(1, '天数至少为 1').max(3650, '天数最多 3650');
const count = z.number().int('次数须为整数').min(0).max(100_000);
const fen = z.number().int('金额须为整数（分）').min(0).max(MAX_FEN);

const categoryPurchases = z.object({
  kind: z.literal('categoryPurchases'),
  category: z.enum(TOY_CATEGORIES, '未知的玩具品类'),
  minPurchases: count.min(1, '次数至少为 1'),
  withinDays: days,
});

const discountShare = z.object({
  kind: z.literal('discountShare'),
  minPercent: z.number().int('百分比须为整数').min(1).max(100),
  minPurchases: count.min(1, '次数至少为 1'),
  withinDays: days.optional(),
});

const spend = z
  .object({ kind: z.literal('spend'), minFen: fen.optional(), maxFen: fen.optional(), withinDays: days.optional() })
  .refine((c) => c.minFen !== undefined || c.maxFen !== undefined, '消费金额条件至少需要下限或上限')
  .refine((c) => c.minFen === undefined || c.maxFen === undefined || c.minFen <= c.maxFen, '消费金额下限不能大于上限');

const purchaseCount = z
  .object({ kind: z.literal('purchaseCount'), min: count.optional(), max: count.optional(), withinDays: days.optional() })
  .refine((c) => c.min !== undefined || c.max !== undefined, '消费次数条件至少需要下限或上限')
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, '消费次数下限不能大于上限');

/** One condition of a dynamic tag's rule. */
export const tagConditionSchema: z.ZodType<TagCondition> = z.discriminatedUnion('kind', [categoryPurchases, discountShare, spend, purchaseCount], {
  error: '未知的条件类型',
});

/** A dynamic tag's rule: one to ten conditions, all of which must hold. */
export const tagRuleSchema: z.ZodType<TagRule> = z.object({
  all: z.array(tagConditionSchema).min(1, '规则至少需要一个条件').max(10, '规则最多 10 个条件'),
});
