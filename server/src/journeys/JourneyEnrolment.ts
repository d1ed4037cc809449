import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JourneyKey } from '@toyclub/shared';

/**
 * A member's entry into one step of a journey for one occasion (`birthday:<childId>:<year>`,
 * `churn:<last purchase>`, `welcome`, `expiry:<date>`). Unique on all four and inserted
 * with INSERT IGNORE, so a step is sent at most once per occasion however often the job runs.
 */
@Entity({ name: 'journey_enrolments' })
export class JourneyEnrolment {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'journey_key', type: 'varchar', length: 16 })
  journeyKey!: JourneyKey;

  @Column({ type: 'varchar', length: 16 })
  step!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  @Column({ name: 'occasion_key', type: 'varchar', length: 64 })
  occasionKey!: string;

  /** The campaign run (one per journey and day) whose send carries it. */
  @Column({ name: 'run_id', type: 'bigint', unsigned: true })
  runId!: string;

  /** Its send record, once planned (twins share their parent's one send). */
  @Column({ name: 'send_id', type: 'bigint', unsigned: true, nullable: true })
  sendId!: string | null;

  /** The template fields rendered for this member. */
  @Column({ type: 'json' })
  fields!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
