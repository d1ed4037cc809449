import { z } from 'zod';
import { TOY_CATEGORIES } from '@toyclub/shared';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A child as the parent enters it: a real month/day (29 February allowed), an optional past year. */
export const childBody = z
  .object({
    name: z.string().trim().min(1, '请填写孩子的名字或昵称').max(32),
    birthYear: z.number().int().min(1990).max(new Date().getUTCFullYear()).nullable().optional(),
    birthMonth: z.number().int().min(1).max(12),
    birthDay: z.number().int().min(1).max(31),
    gender: z.enum(['boy', 'girl']).nullable().optional(),
    interests: z.array(z.enum(TOY_CATEGORIES)).max(TOY_CATEGORIES.length).optional(),
  })
  .refine((child) => child.birthDay <= DAYS_IN_MONTH[child.birthMonth - 1]!, { message: '生日日期不存在', path: ['birthDay'] })
  .refine(
    (child) => {
      if (!child.birthYear) return true;
      const birthday = Date.UTC(child.birthYear, child.birthMonth - 1, child.birthDay);
      return new Date(birthday).getUTCMonth() === child.birthMonth - 1 && birthday <= Date.now();
    },
    { message: '生日不能晚于今天', path: ['birthYear'] },
  );

/** A parsed child body. */
export type ChildBody = z.infer<typeof childBody>;
