import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a QR scene stands for. */
export type ChannelKind = 'store' | 'poster' | 'campaign' | 'other' | 'none';

/** One follow or scan, attributed to the QR code it came through; written once per push. */
@Entity({ name: 'oa_channel_events' })
export class OaChannelEvent {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  openid!: string;

  @Column({ type: 'varchar', length: 16 })
  event!: 'subscribe' | 'scan';

  @Column({ type: 'varchar', length: 64, nullable: true })
  scene!: string | null;

  @Column({ name: 'channel_kind', type: 'varchar', length: 16 })
  channelKind!: ChannelKind;

  @Column({ name: 'channel_code', type: 'varchar', length: 64, nullable: true })
  channelCode!: string | null;

  @Column({ name: 'store_id', type: 'bigint', unsigned: true, nullable: true })
  storeId!: string | null;

  /** sha1 of the push's dedup key: a re-delivered push cannot be counted twice. */
  @Column({ name: 'dedup_key', type: 'char', length: 40 })
  dedupKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
