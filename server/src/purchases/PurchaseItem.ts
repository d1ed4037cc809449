import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ToyCategory } from '@toyclub/shared';
import { bigintNumber } from '../db/bigintNumber';

/** One line of a purchase, with its toy category for interest statistics. */
@Entity({ name: 'purchase_items' })
export class PurchaseItem {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'purchase_id', type: 'bigint', unsigned: true })
  purchaseId!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  category!: ToyCategory | null;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber })
  amountFen!: number;
}
