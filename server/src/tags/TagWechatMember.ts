import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A follower that carries a tag's mirror on WeChat, as far as we know. */
@Entity({ name: 'tag_wechat_members' })
export class TagWechatMember {
  @PrimaryColumn({ name: 'tag_id', type: 'bigint', unsigned: true })
  tagId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  openid!: string;

  @Column({ name: 'mirrored_at', type: 'datetime', precision: 3 })
  mirroredAt!: Date;
}
