import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TagKind, TagRule } from '@toyclub/shared';

/**
 * A member tag. Manual tags are set by staff; dynamic tags carry a rule and are kept up
 * to date after each purchase or refund and nightly. `mirrorToWechat` tags also exist as
 * WeChat user tags so that a mass send can target them.
 */
@Entity({ name: 'tags' })
export class Tag {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 30 })
  name!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: TagKind;

  @Column({ type: 'json', nullable: true })
  rule!: TagRule | null;

  @Column({ name: 'wechat_tag_id', type: 'int', unsigned: true, nullable: true })
  wechatTagId!: number | null;

  @Column({ name: 'mirror_to_wechat', type: 'boolean' })
  mirrorToWechat!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
