import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Campaign results: one click record per campaign send (first click, count), written by
 * the tracked-link redirect and the mini-program page. Conversions are not stored: the
 * report computes them from purchases (see campaignResults/conversionQuery.ts).
 */
export class CreateCampaignResults1764800000000 implements MigrationInterface {
  name = 'CreateCampaignResults1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign_clicks (
        send_id BIGINT UNSIGNED NOT NULL,
        campaign_id BIGINT UNSIGNED NOT NULL,
        member_id BIGINT UNSIGNED NOT NULL,
        click_count INT NOT NULL DEFAULT 1,
        first_via VARCHAR(8) NOT NULL,
        first_clicked_at DATETIME(3) NOT NULL,
        last_clicked_at DATETIME(3) NOT NULL,
        PRIMARY KEY (send_id),
        KEY ix_campaign_clicks_campaign (campaign_id, send_id),
        CONSTRAINT fk_campaign_clicks_send FOREIGN KEY (send_id) REFERENCES campaign_sends (id),
        CONSTRAINT fk_campaign_clicks_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id),
        CONSTRAINT fk_campaign_clicks_member FOREIGN KEY (member_id) REFERENCES members (id)
      ) ${TABLE_OPTIONS}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE campaign_clicks');
  }
}
