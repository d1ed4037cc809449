import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CampaignChannel, CampaignContent, CampaignScheduleKind, CampaignState, FrequencyCap, QuietHours } from '@toyclub/shared';
import { decimalNumber } from '../db/bigintNumber';

/**
 * A campaign: an audience (a saved segment), a channel, its content, when it goes out and
 * the rules each send obeys (frequency cap, quiet hours, holdout). `generation` counts
 * resumes, so that each resume enqueues send jobs under fresh deterministic ids.
 */
@Entity({ name: 'campaigns' })
export class Campaign {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'segment_id', type: 'bigint', unsigned: true })
  segmentId!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: CampaignChannel;

  @Column({ type: 'json' })
  content!: CampaignContent;

  @Column({ name: 'schedule_kind', type: 'varchar', length: 12 })
  scheduleKind!: CampaignScheduleKind;

  @Column({ name: 'scheduled_at', type: 'datetime', precision: 3, nullable: true })
  scheduledAt!: Date | null;

  /** A cron expression (stores' time zone) for recurring campaigns. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  recurrence!: string | null;

  @Column({ name: 'frequency_cap', type: 'json', nullable: true })
  frequencyCap!: FrequencyCap | null;

  @Column({ name: 'quiet_hours', type: 'json', nullable: true })
  quietHours!: QuietHours | null;

  @Column({ name: 'holdout_percent', type: 'decimal', precision: 5, scale: 2, transformer: decimalNumber })
  holdoutPercent!: number;

  @Column({ type: 'varchar', length: 12 })
  state!: CampaignState;

  /** Set with state `paused` after WeChat's daily quota ran out (45009): resumes then. */
  @Column({ name: 'paused_until', type: 'datetime', precision: 3, nullable: true })
  pausedUntil!: Date | null;

  @Column({ name: 'stop_reason', type: 'varchar', length: 255, nullable: true })
  stopReason!: string | null;

  @Column({ name: 'planned_count', type: 'int' })
  plannedCount!: number;

  @Column({ type: 'int' })
  generation!: number;

  @Column({ name: 'created_by_staff_id', type: 'bigint', unsigned: true, nullable: true })
  createdByStaffId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
