import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Why a follower cannot be sent to. */
export type UnreachableReason = 'unsubscribed' | 'blocked' | 'invalid_openid';

/** How a follower was joined to a member: a shared unionid, or the one-time link. */
export type BindingMethod = 'unionid' | 'link';

/**
 * A follower of the official account (an OA openid, which differs from the member's
 * mini-program openid), with how they came (channel), whether campaigns may reach them,
 * and the member they are bound to.
 */
@Entity({ name: 'oa_followers' })
export class OaFollower {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  openid!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true, nullable: true })
  memberId!: string | null;

  @Column({ name: 'bound_via', type: 'varchar', length: 16, nullable: true })
  boundVia!: BindingMethod | null;

  @Column({ name: 'bound_at', type: 'datetime', precision: 3, nullable: true })
  boundAt!: Date | null;

  @Column({ type: 'boolean' })
  subscribed!: boolean;

  /** False once they unfollow or block: no campaign may send to them. */
  @Column({ type: 'boolean' })
  reachable!: boolean;

  @Column({ name: 'unreachable_reason', type: 'varchar', length: 24, nullable: true })
  unreachableReason!: UnreachableReason | null;

  @Column({ name: 'subscribed_at', type: 'datetime', precision: 3, nullable: true })
  subscribedAt!: Date | null;

  @Column({ name: 'unsubscribed_at', type: 'datetime', precision: 3, nullable: true })
  unsubscribedAt!: Date | null;

  /** The QR scene of the first follow (`store:S001`, `poster:spring`...), null for a plain follow. */
  @Column({ name: 'first_channel', type: 'varchar', length: 64, nullable: true })
  firstChannel!: string | null;

  @Column({ name: 'first_store_id', type: 'bigint', unsigned: true, nullable: true })
  firstStoreId!: string | null;

  @Column({ name: 'last_channel', type: 'varchar', length: 64, nullable: true })
  lastChannel!: string | null;

  @Column({ name: 'last_store_id', type: 'bigint', unsigned: true, nullable: true })
  lastStoreId!: string | null;

  /** The follower's last message or event: custom-service sends are allowed for 48 hours after it. */
  @Column({ name: 'last_interaction_at', type: 'datetime', precision: 3, nullable: true })
  lastInteractionAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
