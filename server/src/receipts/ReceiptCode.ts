import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A one-time code that lets the first member who scans it claim a purchase's points. */
@Entity({ name: 'receipt_codes' })
export class ReceiptCode {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'purchase_id', type: 'bigint', unsigned: true })
  purchaseId!: string;

  @Column({ name: 'code_hash', type: 'char', length: 64 })
  codeHash!: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'claimed_by_member_id', type: 'bigint', unsigned: true, nullable: true })
  claimedByMemberId!: string | null;

  @Column({ name: 'claimed_at', type: 'datetime', precision: 3, nullable: true })
  claimedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
