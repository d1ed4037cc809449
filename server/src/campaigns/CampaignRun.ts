import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Where one occurrence stands: its audience being planned, its sends going out, or done. */
export type CampaignRunState = 'planning' | 'sending' | 'completed';

/**
 * One occurrence of a campaign: a one-off campaign has one run (`once`), a recurring
 * campaign one per cron tick. Send records are unique per run and member, and
 * `plan_cursor` (the last member id planned) lets a killed planner continue.
 */
@Entity({ name: 'campaign_runs' })
export class CampaignRun {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'campaign_id', type: 'bigint', unsigned: true })
  campaignId!: string;

  @Column({ name: 'occurrence_key', type: 'varchar', length: 32 })
  occurrenceKey!: string;

  @Column({ type: 'varchar', length: 12 })
  state!: CampaignRunState;

  @Column({ name: 'plan_cursor', type: 'bigint', unsigned: true })
  planCursor!: string;

  @Column({ name: 'planned_count', type: 'int' })
  plannedCount!: number;

  @Column({ name: 'planned_at', type: 'datetime', precision: 3, nullable: true })
  plannedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
