import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CampaignSendState, CampaignSkipReason } from '@toyclub/shared';

/**
 * One member's message of one campaign run. Written before the WeChat call (with its
 * `client_msg_id`, so that a retry after a timeout is deduplicated by WeChat) and after
 * it; unique per run and member so that nobody is planned twice.
 */
@Entity({ name: 'campaign_sends' })
export class CampaignSend {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'campaign_id', type: 'bigint', unsigned: true })
  campaignId!: string;

  @Column({ name: 'run_id', type: 'bigint', unsigned: true })
  runId!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  /** The member's official-account openid when planned (null: not a follower). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  openid!: string | null;

  /** 0 or 1: which content variant. */
  @Column({ type: 'tinyint', unsigned: true })
  variant!: number;

  /** This member's own template fields (journeys: the child's name, the points...); null: the variant's. */
  @Column({ type: 'json', nullable: true })
  fields!: Record<string, string> | null;

  @Column({ type: 'varchar', length: 12 })
  state!: CampaignSendState;

  @Column({ name: 'skip_reason', type: 'varchar', length: 32, nullable: true })
  skipReason!: CampaignSkipReason | null;

  @Column({ name: 'error_code', type: 'int', nullable: true })
  errorCode!: number | null;

  @Column({ name: 'error_message', type: 'varchar', length: 255, nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'client_msg_id', type: 'varchar', length: 64 })
  clientMsgId!: string;

  /** WeChat's 64-bit msgid, kept as a string. */
  @Column({ name: 'wechat_msg_id', type: 'varchar', length: 24, nullable: true })
  wechatMsgId!: string | null;

  @Column({ type: 'int' })
  attempts!: number;

  /** Until when a send job holds the record for its call (see claimCampaignSend). */
  @Column({ name: 'claimed_until', type: 'datetime', precision: 3, nullable: true })
  claimedUntil!: Date | null;

  /** When a send job first claimed the record: a template's client_msg_id dedups for ten minutes from then. */
  @Column({ name: 'first_claimed_at', type: 'datetime', precision: 3, nullable: true })
  firstClaimedAt!: Date | null;

  /** Quiet hours: the send waits until then. */
  @Column({ name: 'not_before', type: 'datetime', precision: 3, nullable: true })
  notBefore!: Date | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
