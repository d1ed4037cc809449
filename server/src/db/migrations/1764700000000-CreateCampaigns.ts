import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The campaign engine: campaigns, one run per occurrence (a one-off campaign has one run,
 * a recurring one a run per cron tick), one send record per run and member, and the
 * official account's subscription grants that the subscribe channel spends.
 */
export class CreateCampaigns1764700000000 implements MigrationInterface {
  name = 'CreateCampaigns1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // segment_id has no foreign key: segments are soft-deleted and their migration is
    // maintained by another feature; the planner refuses a segment it cannot load.
    await queryRunner.query(`
      CREATE TABLE campaigns (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        name VARCHAR(64) NOT NULL,
        segment_id BIGINT UNSIGNED NOT NULL,
        channel VARCHAR(16) NOT NULL,
        content JSON NOT NULL,
        schedule_kind VARCHAR(12) NOT NULL,
        scheduled_at DATETIME(3) NULL,
        recurrence VARCHAR(64) NULL,
        frequency_cap JSON NULL,
        quiet_hours JSON NULL,
        holdout_percent DECIMAL(5,2) NOT NULL DEFAULT 0,
        state VARCHAR(12) NOT NULL,
        paused_until DATETIME(3) NULL,
        stop_reason VARCHAR(255) NULL,
        planned_count INT NOT NULL DEFAULT 0,
        generation INT NOT NULL DEFAULT 0,
        created_by_staff_id BIGINT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_campaigns_state (state, id),
        KEY ix_campaigns_segment (segment_id),
        CONSTRAINT fk_campaigns_staff FOREIGN KEY (created_by_staff_id) REFERENCES staff_accounts (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE campaign_runs (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        campaign_id BIGINT UNSIGNED NOT NULL,
        occurrence_key VARCHAR(32) NOT NULL,
        state VARCHAR(12) NOT NULL,
        plan_cursor BIGINT UNSIGNED NOT NULL DEFAULT 0,
        planned_count INT NOT NULL DEFAULT 0,
        planned_at DATETIME(3) NULL,
        completed_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_campaign_runs_occurrence (campaign_id, occurrence_key),
        CONSTRAINT fk_campaign_runs_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE campaign_sends (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        campaign_id BIGINT UNSIGNED NOT NULL,
        run_id BIGINT UNSIGNED NOT NULL,
        member_id BIGINT UNSIGNED NOT NULL,
        openid VARCHAR(64) NULL,
        variant TINYINT UNSIGNED NOT NULL DEFAULT 0,
        state VARCHAR(12) NOT NULL,
        skip_reason VARCHAR(32) NULL,
        error_code INT NULL,
        error_message VARCHAR(255) NULL,
        client_msg_id VARCHAR(64) NOT NULL,
        wechat_msg_id VARCHAR(24) NULL,
        attempts INT NOT NULL DEFAULT 0,
        not_before DATETIME(3) NULL,
        sent_at DATETIME(3) NULL,
        delivered_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_campaign_sends_run_member (run_id, member_id),
        UNIQUE KEY uq_campaign_sends_client_msg (client_msg_id),
        KEY ix_campaign_sends_campaign_state (campaign_id, state, id),
        KEY ix_campaign_sends_run_state (run_id, state, id),
        KEY ix_campaign_sends_member_sent (member_id, sent_at),
        KEY ix_campaign_sends_wechat_msg (wechat_msg_id),
        CONSTRAINT fk_campaign_sends_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id),
        CONSTRAINT fk_campaign_sends_run FOREIGN KEY (run_id) REFERENCES campaign_runs (id),
        CONSTRAINT fk_campaign_sends_member FOREIGN KEY (member_id) REFERENCES members (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE oa_subscribe_grants (
        openid VARCHAR(64) NOT NULL,
        template_id VARCHAR(64) NOT NULL,
        remaining INT NOT NULL DEFAULT 0,
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (openid, template_id),
        KEY ix_oa_subscribe_grants_template (template_id, remaining),
        CONSTRAINT ck_oa_subscribe_grants_remaining CHECK (remaining >= 0)
      ) ${TABLE_OPTIONS}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE oa_subscribe_grants');
    await queryRunner.query('DROP TABLE campaign_sends');
    await queryRunner.query('DROP TABLE campaign_runs');
    await queryRunner.query('DROP TABLE campaigns');
  }
}
