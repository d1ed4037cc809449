import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One run of the nightly statistics check: how many members it read, and whose figures it fixed. */
@Entity({ name: 'stats_recompute_reports' })
export class StatsRecomputeReport {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3 })
  finishedAt!: Date;

  @Column({ name: 'members_checked', type: 'int' })
  membersChecked!: number;

  @Column({ name: 'members_fixed', type: 'int' })
  membersFixed!: number;

  /** Ids of the members whose stored figures differed from the recomputed ones. */
  @Column({ name: 'fixed_member_ids', type: 'json' })
  fixedMemberIds!: string[];
}
