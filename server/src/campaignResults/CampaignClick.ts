import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a click arrived: the web redirect (`/r/:token`) or a mini-program page parameter. */
export type CampaignClickVia = 'link' | 'page';

/**
 * The clicks on one campaign send's links: unique per send (so "unique clicks" is a row
 * count), with the first click's time and channel and how often it was opened since.
 */
@Entity({ name: 'campaign_clicks' })
export class CampaignClick {
  @PrimaryColumn({ name: 'send_id', type: 'bigint', unsigned: true })
  sendId!: string;

  @Column({ name: 'campaign_id', type: 'bigint', unsigned: true })
  campaignId!: string;

  @Column({ name: 'member_id', type: 'bigint', unsigned: true })
  memberId!: string;

  @Column({ name: 'click_count', type: 'int' })
  clickCount!: number;

  @Column({ name: 'first_via', type: 'varchar', length: 8 })
  firstVia!: CampaignClickVia;

  @Column({ name: 'first_clicked_at', type: 'datetime', precision: 3 })
  firstClickedAt!: Date;

  @Column({ name: 'last_clicked_at', type: 'datetime', precision: 3 })
  lastClickedAt!: Date;
}
