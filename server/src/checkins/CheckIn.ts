import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A member's check-in at a store: one per member per local day (unique key). */
@Entity({ name: 'check_ins' })
export class CheckIn {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  @Column({ name: 'store_id', type: 'bigint', unsigned: true })
  storeId!: string;

  /** The local date (membership.timeZone), YYYY-MM-DD. */
  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'int' })
  points!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
