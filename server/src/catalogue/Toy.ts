import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ToyCategory } from '@toyclub/shared';
import { bigintNumber } from '../db/bigintNumber';

/** A toy the store sells, as imported from the POS: what the official account's intents answer about. */
@Entity({ name: 'toys' })
export class Toy {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  /** The POS's article number; the import matches rows to toys by it. */
  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ type: 'varchar', length: 128 })
  name!: string;

  /** Other names parents use (short names, English names, nicknames). */
  @Column({ type: 'simple-json' })
  aliases!: string[];

  @Column({ type: 'varchar', length: 32 })
  category!: ToyCategory;

  /** The category exactly as the POS wrote it. */
  @Column({ name: 'category_label', type: 'varchar', length: 32 })
  categoryLabel!: string;

  @Column({ name: 'min_age_months', type: 'smallint', unsigned: true, nullable: true })
  minAgeMonths!: number | null;

  @Column({ name: 'max_age_months', type: 'smallint', unsigned: true, nullable: true })
  maxAgeMonths!: number | null;

  @Column({ name: 'price_fen', type: 'bigint', transformer: bigintNumber })
  priceFen!: number;

  @Column({ type: 'int' })
  stock!: number;

  @Column({ name: 'picture_url', type: 'varchar', length: 500 })
  pictureUrl!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
