import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { JourneyKey } from '@toyclub/shared';

/**
 * A journey's console settings and bookkeeping: the switch and days before (over the
 * configured defaults), the system campaign its sends go through, and its last run.
 * Its row is also the lock that serialises two runs of the same journey.
 */
@Entity({ name: 'journeys' })
export class Journey {
  @PrimaryColumn({ name: 'journey_key', type: 'varchar', length: 16 })
  key!: JourneyKey;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** Null: the configured value. */
  @Column({ name: 'days_before', type: 'int', nullable: true })
  daysBefore!: number | null;

  @Column({ name: 'campaign_id', type: 'bigint', unsigned: true, nullable: true })
  campaignId!: string | null;

  @Column({ name: 'last_run_at', type: 'datetime', precision: 3, nullable: true })
  lastRunAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 255, nullable: true })
  lastError!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
