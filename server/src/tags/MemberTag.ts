import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MemberTagSource } from '@toyclub/shared';

/** A member carrying a tag; rules only ever add or remove rows with source `rule`. */
@Entity({ name: 'member_tags' })
export class MemberTag {
  @PrimaryColumn({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  @PrimaryColumn({ name: 'tag_id', type: 'bigint', unsigned: true })
  tagId!: string;

  @Column({ type: 'varchar', length: 8 })
  source!: MemberTagSource;

  @Column({ name: 'assigned_at', type: 'datetime', precision: 3 })
  assignedAt!: Date;
}
