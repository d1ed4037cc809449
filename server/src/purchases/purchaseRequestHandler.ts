import type { PurchaseDto } from '@toyclub/shared';
import { errors } from '../app/errors';
import { consumeCardCode, verifyCardCode } from '../cards/cardCodes';
import type { System } from '../system/System';
import type { PurchaseSource } from './Purchase';
import type { PurchaseBody } from './purchaseSchemas';
import { presentRecordedPurchase } from './presentPurchase';
import { findReplay, purchaseRecorder } from './purchaseRecorder';
import { requestHash } from './requestHash';
import { DAY_MS } from '../time/dayMs';

const MAX_BACKDATE_MS = 30 * DAY_MS;

function purchaseTime(system: System, body: PurchaseBody, now: Date): Date {
  if (!body.purchasedAt) return now;
  const at = new Date(body.purchasedAt);
  const skewMs = system.config.pos.maxClockSkewSeconds * 1000;
  if (at.getTime() > now.getTime() + skewMs || at.getTime() < now.getTime() - MAX_BACKDATE_MS) {
    throw errors.unprocessable('purchase_time_out_of_range', '消费时间须在过去 30 天内');
  }
  return at.getTime() > now.getTime() ? now : at;
}

/**
 * Handles a purchase from a till or POS: a replay of an idempotency key answers with the
 * first result before anything else (even once the card code has expired); otherwise
 * the card code is verified and consumed, and the purchase recorded and credited.
 */
export async function purchaseRequestHandler(options: {
  system: System;
  storeId: string;
  source: PurchaseSource;
  staffId: string | null;
  body: PurchaseBody;
  now: Date;
}): Promise<PurchaseDto> {
  const { system, storeId, source, body, now } = options;
  const hash = requestHash({
    amountFen: body.amountFen,
    items: body.items ?? [],
    cardCode: body.cardCode ?? null,
    purchasedAt: body.purchasedAt ?? null,
    // Only when given, so that replays of purchases recorded before the field keep their hash.
    ...(body.discountFen ? { discountFen: body.discountFen } : {}),
  });
  const key = { storeId, source, idempotencyKey: body.idempotencyKey, requestHash: hash };
  const manager = system.dataSource.manager;
  const earlier = await findReplay(manager, key);
  if (earlier) return presentRecordedPurchase(manager, system.config, { purchase: earlier, credit: null, receiptCode: null, replayed: true });
  const purchasedAt = purchaseTime(system, body, now);
  let memberId: string | null = null;
  if (body.cardCode) {
    const verified = verifyCardCode(system, body.cardCode, now);
    await consumeCardCode(system, verified, `${storeId}:${source}:${body.idempotencyKey}`, now);
    memberId = verified.memberId;
  }
  const recorded = await purchaseRecorder({
    system,
    ...key,
    amountFen: body.amountFen,
    discountFen: body.discountFen ?? 0,
    items: body.items ?? [],
    memberId,
    staffId: options.staffId,
    purchasedAt,
    now,
  });
  return presentRecordedPurchase(manager, system.config, recorded);
}
