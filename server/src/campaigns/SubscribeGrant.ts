import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How many subscription notices of a template a follower has accepted and not yet
 * received (one grant, one send). The subscribe channel only plans members with one left.
 */
@Entity({ name: 'oa_subscribe_grants' })
export class SubscribeGrant {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  openid!: string;

  @PrimaryColumn({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  @Column({ type: 'int' })
  remaining!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
