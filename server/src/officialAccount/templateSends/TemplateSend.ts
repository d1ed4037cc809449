import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where a template send stands: sent (accepted by WeChat), then delivered, blocked or failed. */
export type TemplateSendStatus = 'sent' | 'delivered' | 'blocked' | 'failed';

/**
 * One template message WeChat accepted, keyed by its 64-bit msgid (kept as a string).
 * Whatever sent it (a campaign, a points notice) records it here, and the later
 * TEMPLATESENDJOBFINISH push settles its status.
 */
@Entity({ name: 'wechat_template_sends' })
export class TemplateSend {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  msgid!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  openid!: string | null;

  @Column({ name: 'template_id', type: 'varchar', length: 64, nullable: true })
  templateId!: string | null;

  /** The sending feature (`campaign`, `points_notice`...); `unknown` when the result came first. */
  @Column({ type: 'varchar', length: 24 })
  source!: string;

  /** The sender's own record id (for example the campaign send record). */
  @Column({ name: 'source_ref', type: 'varchar', length: 64, nullable: true })
  sourceRef!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: TemplateSendStatus;

  /** WeChat's status text for failures, e.g. `failed: system failed`. */
  @Column({ name: 'status_detail', type: 'varchar', length: 64, nullable: true })
  statusDetail!: string | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
