import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Journeys: their settings, their enrolments (unique per journey, step, member and
 * occasion: the "never twice" guarantee), and per-member template fields on
 * campaign_sends, since a journey's message names the member's child, points or date.
 */
export class CreateJourneys1765000000000 implements MigrationInterface {
  name = 'CreateJourneys1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journeys (
        journey_key VARCHAR(16) NOT NULL,
        enabled TINYINT(1) NOT NULL,
        days_before INT NULL,
        campaign_id BIGINT UNSIGNED NULL,
        last_run_at DATETIME(3) NULL,
        last_error VARCHAR(255) NULL,
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (journey_key),
        CONSTRAINT fk_journeys_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE journey_enrolments (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        journey_key VARCHAR(16) NOT NULL,
        step VARCHAR(16) NOT NULL,
        member_id BIGINT UNSIGNED NOT NULL,
        occasion_key VARCHAR(64) NOT NULL,
        run_id BIGINT UNSIGNED NOT NULL,
        send_id BIGINT UNSIGNED NULL,
        fields JSON NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_journey_enrolments_occasion (journey_key, step, member_id, occasion_key),
        KEY ix_journey_enrolments_run (run_id, send_id),
        KEY ix_journey_enrolments_send (journey_key, send_id),
        CONSTRAINT fk_journey_enrolments_member FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT fk_journey_enrolments_run FOREIGN KEY (run_id) REFERENCES campaign_runs (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query('ALTER TABLE campaign_sends ADD COLUMN fields JSON NULL AFTER variant');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE campaign_sends DROP COLUMN fields');
    await queryRunner.query('DROP TABLE journey_enrolments');
    await queryRunner.query('DROP TABLE journeys');
  }
}
