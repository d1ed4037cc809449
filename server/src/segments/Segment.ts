import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SegmentDefinition } from '@toyclub/shared';

/**
 * A saved segment: a named tree of rules, evaluated live whenever it is counted or a
 * campaign walks its audience (members are never stored with it). Soft-deleted so that
 * campaigns that used it keep their reference.
 */
@Entity({ name: 'segments' })
export class Segment {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  description!: string;

  @Column({ type: 'json' })
  definition!: SegmentDefinition;

  @Column({ name: 'created_by_staff_id', type: 'bigint', unsigned: true, nullable: true })
  createdByStaffId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;

  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true })
  deletedAt!: Date | null;
}
