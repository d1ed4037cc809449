import type { EntityManager } from 'typeorm';
import type { PurchaseItemInput } from '@toyclub/shared';
import { errors } from '../app/errors';
import { lockMember } from '../members/lockMember';
import { isDuplicateKey, runInTransaction } from '../db/runInTransaction';
import type { System } from '../system/System';
import { Purchase } from './Purchase';
import type { PurchaseSource } from './Purchase';
import { PurchaseItem } from './PurchaseItem';
import { createReceiptCode } from '../receipts/receiptCodes';
import type { ReceiptCodeDto } from '@toyclub/shared';
import { pointsCreditor, purchaseStamp } from './pointsCreditor';
import type { CreditOutcome } from './pointsCreditor';
import { scheduleMemberRetag } from '../tags/scheduleMemberRetag';

/** What a till or POS reports. */
export interface PurchaseCommand {
  system: System;
  storeId: string;
  source: PurchaseSource;
  idempotencyKey: string;
  requestHash: string;
  amountFen: number;
  /** Discount included in `amountFen`; 0 when the till reports none. */
  discountFen?: number;
  items: PurchaseItemInput[];
  memberId: string | null;
  staffId: string | null;
  purchasedAt: Date;
  now: Date;
}

/** The purchase and, when it was credited now, the credit's outcome. */
export interface RecordedPurchase {
  purchase: Purchase;
  credit: CreditOutcome | null;
  receiptCode: ReceiptCodeDto | null;
  replayed: boolean;
}

/** Finds an earlier purchase with the same idempotency key; refuses one that reused the key for another request. */
export async function findReplay(
  manager: EntityManager,
  key: { storeId: string; source: PurchaseSource; idempotencyKey: string; requestHash: string },
): Promise<Purchase | null> {
  const existing = await manager.getRepository(Purchase).findOneBy({
    storeId: key.storeId,
    source: key.source,
    idempotencyKey: key.idempotencyKey,
  });
  if (existing && existing.requestHash !== key.requestHash) {
    throw errors.conflict('idempotency_key_reused', '这个幂等键已用于另一笔不同的消费');
  }
  return existing;
}

/**
 * Records a purchase and credits its points in one transaction: lock the member, insert
 * the purchase (the unique idempotency key makes every concurrent duplicate wait for,
 * then lose to, the first), credit, update statistics and upgrade the tier. A duplicate
 * gets the first request's purchase back, unchanged.
 */
export async function purchaseRecorder(command: PurchaseCommand): Promise<RecordedPurchase> {
  const recorded = await recordPurchase(command);
  // Dynamic tags follow after the commit, in a job: see scheduleMemberRetag.
  if (!recorded.replayed && recorded.purchase.memberId) await scheduleMemberRetag(command.system, recorded.purchase.memberId);
  return recorded;
}

async function recordPurchase(command: PurchaseCommand): Promise<RecordedPurchase> {
  const { system } = command;
  try {
    return await runInTransaction(system.dataSource, async (manager) => {
      // Lock the member before inserting: the insert's foreign-key check takes a shared
      // lock on the member row, and two transactions upgrading shared locks deadlock.
      const member = command.memberId ? await lockMember(manager, command.memberId) : null;
      const stamp = member ? await purchaseStamp(manager, system.config, member, command.storeId, command.amountFen) : null;
      const purchase = manager.getRepository(Purchase).create({
        storeId: command.storeId,
        memberId: stamp?.memberId ?? null,
        source: command.source,
        idempotencyKey: command.idempotencyKey,
        requestHash: command.requestHash,
        amountFen: command.amountFen,
        discountFen: command.discountFen ?? 0,
        refundedFen: 0,
        pointsEarned: stamp?.pointsEarned ?? 0,
        pointsReversed: 0,
        tierCode: stamp?.tierCode ?? null,
        multiplierPercent: stamp?.multiplierPercent ?? null,
        staffId: command.staffId,
        purchasedAt: command.purchasedAt,
        creditedAt: stamp ? command.now : null,
        createdAt: command.now,
      });
      const inserted = await manager.createQueryBuilder().insert().into(Purchase).values(purchase).updateEntity(false).execute();
      purchase.id = String((inserted.raw as { insertId: number | string }).insertId);
      if (command.items.length > 0) {
        await manager.getRepository(PurchaseItem).insert(
          command.items.map((item) => ({
            purchaseId: purchase.id,
            name: item.name,
            category: item.category ?? null,
            quantity: item.quantity,
            amountFen: item.amountFen,
          })),
        );
      }
      const credit = member
        ? await pointsCreditor({ manager, config: system.config, purchase, memberId: member.id, lockedMember: member, now: command.now })
        : null;
      const receiptCode = command.memberId
        ? null
        : await createReceiptCode({ manager, config: system.config, purchaseId: purchase.id, now: command.now });
      return { purchase, credit, receiptCode, replayed: false };
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await findReplay(system.dataSource.manager, command);
    if (!existing) throw error;
    return { purchase: existing, credit: null, receiptCode: null, replayed: true };
  }
}
