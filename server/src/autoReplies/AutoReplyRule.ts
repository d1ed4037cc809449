import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AutoReplyMatchType, AutoReplyContent } from '@toyclub/shared';

/** A keyword rule the store owner manages: how to match a follower's text and what to answer. */
@Entity({ name: 'oa_auto_replies' })
export class AutoReplyRule {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'match_type', type: 'varchar', length: 8 })
  matchType!: AutoReplyMatchType;

  @Column({ type: 'varchar', length: 200 })
  pattern!: string;

  /** Higher first; among equals, the older rule wins. */
  @Column({ type: 'int' })
  priority!: number;

  @Column({ name: 'reply_type', type: 'varchar', length: 16 })
  replyType!: AutoReplyContent['type'];

  /** The reply (text, image or mini-program card) as JSON. */
  @Column({ type: 'simple-json' })
  reply!: AutoReplyContent;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'updated_by_staff_id', type: 'bigint', unsigned: true, nullable: true })
  updatedByStaffId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
