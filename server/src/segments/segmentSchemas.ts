import { z } from 'zod';
import { BUILTIN_SEGMENT_CODES, SEGMENT_LIMITS } from '@toyclub/shared';
import type { SegmentGroup, SegmentRule } from '@toyclub/shared';
import { numericId as id } from '../app/numericId';

const count = z.number().int().min(0).max(1_000_000);
const fen = z.number().int().min(0).max(1e13);
const days = z.number().int().min(0).max(36_500);
const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).min(1, `请至少选择一个${what}`).max(SEGMENT_LIMITS.maxListItems, `${what}最多 ${SEGMENT_LIMITS.maxListItems} 个`);

/** A range needs at least one bound, and min ≤ max. */
function ranged<S extends z.ZodObject, K extends string>(schema: S, minKey: K, maxKey: K) {
  return schema.refine(
    (value: Record<string, unknown>) => value[minKey] !== undefined || value[maxKey] !== undefined,
    '范围至少需要填写最小值或最大值',
  ).refine(
    (value: Record<string, unknown>) => {
      const min = value[minKey];
      const max = value[maxKey];
      return typeof min !== 'number' || typeof max !== 'number' || min <= max;
    },
    '最小值不能大于最大值',
  );
}

const ruleSchema = z.discriminatedUnion(
  'kind',
  [
  z.object({ kind: z.literal('builtin'), segment: z.enum(BUILTIN_SEGMENT_CODES, '未知的内置分群') }).strict(),
  z.object({ kind: z.literal('tier'), tiers: list(z.string().trim().min(1).max(16), '会员等级') }).strict(),
  z.object({ kind: z.literal('tag'), tagIds: list(z.number().int().positive(), '标签') }).strict(),
  ranged(z.object({ kind: z.literal('spend'), window: z.enum(['total', '365d']), minFen: fen.optional(), maxFen: fen.optional() }).strict(), 'minFen', 'maxFen'),
  ranged(z.object({ kind: z.literal('frequency'), window: z.enum(['90d', '365d']), min: count.optional(), max: count.optional() }).strict(), 'min', 'max'),
  ranged(z.object({ kind: z.literal('days_since_last_purchase'), min: days.optional(), max: days.optional() }).strict(), 'min', 'max'),
  ranged(
    z.object({ kind: z.literal('child_age_months'), min: z.number().int().min(0).max(18 * 12).optional(), max: z.number().int().min(0).max(18 * 12).optional() }).strict(),
    'min',
    'max',
  ),
  z.object({ kind: z.literal('child_birthday_within'), days: z.number().int().min(0, '天数不能为负').max(366, '天数最多 366') }).strict(),
  z.object({ kind: z.literal('registration_channel'), channels: list(z.string().trim().min(1).max(64), '注册渠道') }).strict(),
  z.object({ kind: z.literal('registration_store'), storeIds: list(z.number().int().positive(), '门店') }).strict(),
  z.object({ kind: z.literal('reachability'), channel: z.enum(['official_account', 'mini_program']), reachable: z.boolean() }).strict(),
  ],
  { error: '未知的条件类型' },
);

const zhCN = z.locales.zhCN().localeError;

/**
 * A group item is a group when it has `op`, otherwise a rule: parsing it against the one
 * it claims to be (instead of a union) gives a precise Chinese message for each field.
 */
const itemSchema: z.ZodType<SegmentRule | SegmentGroup> = z.unknown().transform((value, ctx) => {
  const isGroup = typeof value === 'object' && value !== null && 'op' in value;
  const result = isGroup ? groupSchema.safeParse(value, { error: zhCN }) : ruleSchema.safeParse(value, { error: zhCN });
  if (result.success) return result.data as SegmentRule | SegmentGroup;
  for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

const groupSchema: z.ZodType<SegmentGroup> = z.lazy(() =>
  z
    .object({
      op: z.enum(['and', 'or'], '组合方式只能是 and（且）或 or（或）'),
      rules: z.array(itemSchema).min(1, '每个条件组至少需要一个条件'),
    })
    .strict(),
);

function measure(group: SegmentGroup, depth: number): { depth: number; rules: number } {
  let deepest = depth;
  let rules = 0;
  for (const item of group.rules) {
    if ('op' in item) {
      const inner = measure(item, depth + 1);
      deepest = Math.max(deepest, inner.depth);
      rules += inner.rules;
    } else {
      rules += 1;
    }
  }
  return { depth: deepest, rules };
}

/**
 * A segment definition: and/or groups of rules, at most {@link SEGMENT_LIMITS}.maxDepth
 * groups deep and {@link SEGMENT_LIMITS}.maxRules rules in all, so that a compiled query
 * stays small enough to count a million members at once.
 */
export const segmentDefinitionSchema = groupSchema.superRefine((definition, ctx) => {
  const size = measure(definition, 1);
  if (size.depth > SEGMENT_LIMITS.maxDepth) {
    ctx.addIssue({ code: 'custom', message: `条件组最多嵌套 ${SEGMENT_LIMITS.maxDepth} 层` });
  }
  if (size.rules > SEGMENT_LIMITS.maxRules) {
    ctx.addIssue({ code: 'custom', message: `一个分群最多 ${SEGMENT_LIMITS.maxRules} 个条件` });
  }
});

const name = z.string().trim().min(1, '请填写分群名称').max(64, '分群名称最多 64 个字');
const description = z.string().trim().max(255, '说明最多 255 个字');

/** `POST /api/admin/segments/preview`. */
export const PreviewSchema = z.object({ body: z.object({ definition: segmentDefinitionSchema }) });

/** `POST /api/admin/segments`. */
export const CreateSegmentSchema = z.object({
  body: z.object({ name, description: description.default(''), definition: segmentDefinitionSchema }),
});

/** `PATCH /api/admin/segments/:id`. */
export const UpdateSegmentSchema = z.object({
  params: z.object({ id }),
  body: z
    .object({ name: name.optional(), description: description.optional(), definition: segmentDefinitionSchema.optional() })
    .refine((body) => Object.keys(body).length > 0, '请至少修改一项'),
});

/** Routes on one segment. */
export const SegmentIdSchema = z.object({ params: z.object({ id }) });
