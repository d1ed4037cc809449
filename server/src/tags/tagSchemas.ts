import { z } from 'zod';
import { tagRuleSchema } from './tagRuleSchema';

/** WeChat's limit on a user tag's name, in UTF-8 bytes (a Chinese character takes 3). */
export const TAG_NAME_MAX_BYTES = 30;

const id = z.string().regex(/^\d{1,20}$/, '编号格式不正确');

const tagName = z
  .string()
  .trim()
  .min(1, '标签名不能为空')
  .refine((name) => Buffer.byteLength(name, 'utf8') <= TAG_NAME_MAX_BYTES, '标签名最长 30 字节（约 10 个汉字），与公众号标签一致');

/** `POST /api/admin/tags`: a manual tag has no rule, a dynamic one must have one. */
export const createTagSchema = z.object({
  body: z
    .object({
      name: tagName,
      kind: z.enum(['manual', 'dynamic'], '标签类型须为 manual 或 dynamic'),
      rule: tagRuleSchema.optional(),
      mirrorToWechat: z.boolean().default(false),
    })
    .refine((body) => (body.kind === 'dynamic') === (body.rule !== undefined), {
      message: '动态标签必须有规则，手动标签不能有规则',
      path: ['rule'],
    }),
});

/** `PATCH /api/admin/tags/:id`. */
export const updateTagSchema = z.object({
  params: z.object({ id }),
  body: z
    .object({ name: tagName, rule: tagRuleSchema, mirrorToWechat: z.boolean() })
    .partial()
    .refine((body) => Object.keys(body).length > 0, '没有要修改的内容'),
});

/** Routes on one tag. */
export const tagIdSchema = z.object({ params: z.object({ id }) });

/** `POST /api/admin/members/:id/tags`. */
export const assignMemberTagSchema = z.object({ params: z.object({ id }), body: z.object({ tagId: id }) });

/** `DELETE /api/admin/members/:id/tags/:tagId`. */
export const memberTagSchema = z.object({ params: z.object({ id, tagId: id }) });

/** `GET /api/admin/members/:id/tags`. */
export const memberIdSchema = z.object({ params: z.object({ id }) });
