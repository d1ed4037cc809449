import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A parent who signed in through the mini-program. Identified by openid (and unionid when
 * WeChat gives one); personal fields stay null until the member consents to the current
 * privacy policy, and are cleared again when the member deletes the account.
 */
@Entity({ name: 'members' })
export class Member {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  openid!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  nickname!: string | null;

  /** The last four digits, for staff search; the full number is only sealed. */
  @Column({ name: 'phone_last4', type: 'char', length: 4, nullable: true })
  phoneLast4!: string | null;

  /** A keyed hash of the full number, for exact lookup without storing it in the clear. */
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ name: 'phone_sealed', type: 'varchar', length: 255, nullable: true })
  phoneSealed!: string | null;

  @Column({ name: 'tier_code', type: 'varchar', length: 16 })
  tierCode!: string;

  @Column({ name: 'tier_since', type: 'datetime', precision: 3 })
  tierSince!: Date;

  /** Set when the member's spend fell below their tier; the downgrade waits out the grace period. */
  @Column({ name: 'tier_downgrade_pending_since', type: 'datetime', precision: 3, nullable: true })
  tierDowngradePendingSince!: Date | null;

  /** Always the sum of the member's ledger entries; written in the same transaction as each entry. */
  @Column({ name: 'points_balance', type: 'int' })
  pointsBalance!: number;

  @Column({ name: 'privacy_policy_version', type: 'varchar', length: 32, nullable: true })
  privacyPolicyVersion!: string | null;

  @Column({ name: 'privacy_consented_at', type: 'datetime', precision: 3, nullable: true })
  privacyConsentedAt!: Date | null;

  /** The policy version of the guardian's separate consent to storing children's data. */
  @Column({ name: 'guardian_policy_version', type: 'varchar', length: 32, nullable: true })
  guardianPolicyVersion!: string | null;

  @Column({ name: 'guardian_consented_at', type: 'datetime', precision: 3, nullable: true })
  guardianConsentedAt!: Date | null;

  /** The QR scene the member came through (`store:S001`, `poster:spring`...), for segments. */
  @Column({ name: 'registration_channel', type: 'varchar', length: 64, nullable: true })
  registrationChannel!: string | null;

  /** The store where the member registered, for segments. */
  @Column({ name: 'registration_store_id', type: 'bigint', unsigned: true, nullable: true })
  registrationStoreId!: string | null;

  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
