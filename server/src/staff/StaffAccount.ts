import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StaffRole } from '@toyclub/shared';

/**
 * A staff login of the admin console, with its role. Bound to the staff member's own
 * mini-program identity (`memberId`) through a one-time code, which enables 店员模式.
 */
@Entity({ name: 'staff_accounts' })
export class StaffAccount {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 32 })
  displayName!: string;

  /** argon2id hash. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: StaffRole;

  /** The store the account works at; null for owners and managers of every store. */
  @Column({ name: 'store_id', type: 'bigint', unsigned: true, nullable: true })
  storeId!: string | null;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true, nullable: true })
  memberId!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'failed_logins', type: 'int' })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_login_at', type: 'datetime', precision: 3, nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
