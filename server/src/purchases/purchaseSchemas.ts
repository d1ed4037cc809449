import { z } from 'zod';
import { TOY_CATEGORIES } from '@toyclub/shared';
import { numericId } from '../app/numericId';

const MAX_AMOUNT_FEN = 100_000_000; // one million yuan: anything above is a typo

/** An idempotency key: any printable token a till can generate (UUID, receipt number). */
export const idempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{8,64}$/, '幂等键须为 8-64 位字母、数字或 ._:-');

/** Money in fen: a positive integer, never a float. */
export const amountFen = z.number().int('金额须为整数（分）').positive('金额须大于 0').max(MAX_AMOUNT_FEN);

const item = z.object({
  name: z.string().trim().min(1).max(64),
  category: z.enum(TOY_CATEGORIES).optional(),
  quantity: z.number().int().positive().max(10_000),
  amountFen: z.number().int().min(0).max(MAX_AMOUNT_FEN),
});

/** The body of a purchase, from the clerk's mini-program or a POS. */
export const purchaseBody = z
  .object({
    cardCode: z.string().trim().min(10).max(128).optional(),
    amountFen,
    /** How much of the amount was discount (fen); optional so that older tills keep working. */
    discountFen: z.number().int('折扣金额须为整数（分）').min(0).max(MAX_AMOUNT_FEN).optional(),
    items: z.array(item).max(200).optional(),
    idempotencyKey,
    storeId: numericId.optional(),
    /** POS only: when the sale happened, for purchases synced after the fact. */
    purchasedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((body) => (body.discountFen ?? 0) <= body.amountFen, { message: '折扣金额不能超过消费金额', path: ['discountFen'] })
  .refine((body) => !body.items || body.items.reduce((sum, line) => sum + line.amountFen, 0) <= body.amountFen, {
    message: '商品行金额合计不能超过消费金额',
    path: ['items'],
  });

/** The body of a refund. */
export const refundBody = z.object({
  purchaseId: numericId,
  amountFen: amountFen.optional(),
  idempotencyKey,
});

/** A parsed purchase body. */
export type PurchaseBody = z.infer<typeof purchaseBody>;
