import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `claimed_until` on campaign_sends: the lease a send job takes on a record while it calls
 * WeChat. Two jobs can hold the same record (a re-planned run batches it again while the
 * first batch still runs; Bull re-runs a stalled job whose worker was only slow); the lease
 * lets one call and makes the other wait, which matters for the channels without an
 * idempotency key (subscribe and custom-service messages).
 */
export class AddCampaignSendLease1766300000000 implements MigrationInterface {
  name = 'AddCampaignSendLease1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE campaign_sends ADD COLUMN claimed_until DATETIME(3) NULL AFTER attempts');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE campaign_sends DROP COLUMN claimed_until');
  }
}
