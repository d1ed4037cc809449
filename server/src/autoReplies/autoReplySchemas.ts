import { z } from 'zod';
import { signedNumericId } from '../app/numericId';

/** Nested quantifiers such as `(a+)+` or `(.*)*` backtrack catastrophically: refused at save. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/;

/** Why a regular expression cannot be a rule's pattern, or null when it can. */
export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return '正则表达式写法不正确';
  }
  if (NESTED_QUANTIFIER.test(pattern)) return '正则表达式不能嵌套重复（如 (a+)+），以免匹配过慢';
  return null;
}

const reply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), content: z.string().trim().min(1).max(600) }),
  z.object({ type: z.literal('image'), mediaId: z.string().trim().min(1).max(128) }),
  z.object({
    type: z.literal('miniprogram'),
    title: z.string().trim().min(1).max(64),
    pagepath: z.string().trim().min(1).max(128).regex(/^[A-Za-z0-9_/.-]+(\?[\w=&%.-]*)?$/),
    /** Omitted: the configured default card picture (`officialAccount.cardThumbMediaId`). */
    thumbMediaId: z.string().trim().min(1).max(128).optional(),
  }),
]);

/** A rule as the admin console sends it. */
export const autoReplyRuleInput = z
  .object({
    name: z.string().trim().min(1).max(64),
    matchType: z.enum(['exact', 'contains', 'regex']),
    pattern: z.string().trim().min(1).max(200),
    priority: z.number().int().min(-1000).max(1000).default(0),
    reply,
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, context) => {
    if (rule.matchType !== 'regex') return;
    const problem = regexProblem(rule.pattern);
    if (problem) context.addIssue({ code: 'custom', path: ['pattern'], message: problem });
  });

const idParams = z.object({ id: signedNumericId });

/** `POST /api/admin/auto-replies`. */
export const CreateAutoReplySchema = z.object({ body: autoReplyRuleInput });
/** `PUT /api/admin/auto-replies/:id`. */
export const UpdateAutoReplySchema = z.object({ body: autoReplyRuleInput, params: idParams });
/** `DELETE /api/admin/auto-replies/:id`. */
export const DeleteAutoReplySchema = z.object({ params: idParams });
