import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `first_claimed_at` on campaign_sends: when a send job first claimed the record. WeChat
 * deduplicates a template send's client_msg_id for ten minutes only, so a call whose outcome
 * is unknown may be repeated under it only within that window.
 */
export class AddCampaignSendFirstClaim1766300001000 implements MigrationInterface {
  name = 'AddCampaignSendFirstClaim1766300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE campaign_sends ADD COLUMN first_claimed_at DATETIME(3) NULL AFTER claimed_until');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE campaign_sends DROP COLUMN first_claimed_at');
  }
}
