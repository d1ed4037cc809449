import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A staff member's read or change of a member's personal data: who, which member, what, when, from where. */
@Entity({ name: 'audit_entries' })
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'staff_id', type: 'bigint', unsigned: true })
  staffId!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true, nullable: true })
  memberId!: string | null;

  @Column({ type: 'varchar', length: 48 })
  action!: string;

  @Column({ type: 'varchar', length: 255 })
  detail!: string;

  @Column({ type: 'varchar', length: 64 })
  ip!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
