import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The official account's side: followers (reachability, channel, binding to a member),
 * the follow/scan attribution log, one-time binding links, the owner's keyword rules and
 * the template sends whose delivery WeChat reports later.
 */
export class CreateOfficialAccount1764100001000 implements MigrationInterface {
  name = 'CreateOfficialAccount1764100001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE oa_followers (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        openid VARCHAR(64) NOT NULL,
        unionid VARCHAR(64) NULL,
        member_id BIGINT UNSIGNED NULL,
        bound_via VARCHAR(16) NULL,
        bound_at DATETIME(3) NULL,
        subscribed TINYINT(1) NOT NULL DEFAULT 1,
        reachable TINYINT(1) NOT NULL DEFAULT 1,
        unreachable_reason VARCHAR(24) NULL,
        subscribed_at DATETIME(3) NULL,
        unsubscribed_at DATETIME(3) NULL,
        first_channel VARCHAR(64) NULL,
        first_store_id BIGINT UNSIGNED NULL,
        last_channel VARCHAR(64) NULL,
        last_store_id BIGINT UNSIGNED NULL,
        last_interaction_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_oa_followers_openid (openid),
        UNIQUE KEY uq_oa_followers_member (member_id),
        KEY ix_oa_followers_unionid (unionid),
        KEY ix_oa_followers_reachable (reachable, id),
        CONSTRAINT fk_oa_followers_member FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT fk_oa_followers_first_store FOREIGN KEY (first_store_id) REFERENCES stores (id),
        CONSTRAINT fk_oa_followers_last_store FOREIGN KEY (last_store_id) REFERENCES stores (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE oa_channel_events (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        openid VARCHAR(64) NOT NULL,
        event VARCHAR(16) NOT NULL,
        scene VARCHAR(64) NULL,
        channel_kind VARCHAR(16) NOT NULL,
        channel_code VARCHAR(64) NULL,
        store_id BIGINT UNSIGNED NULL,
        dedup_key CHAR(40) NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_oa_channel_events_dedup (dedup_key),
        KEY ix_oa_channel_events_channel (channel_kind, channel_code, created_at),
        KEY ix_oa_channel_events_store (store_id, created_at),
        KEY ix_oa_channel_events_openid (openid, id),
        CONSTRAINT fk_oa_channel_events_store FOREIGN KEY (store_id) REFERENCES stores (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE oa_binding_tokens (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        openid VARCHAR(64) NOT NULL,
        token_hash CHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        used_by_member_id BIGINT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_oa_binding_tokens_hash (token_hash),
        KEY ix_oa_binding_tokens_openid (openid, id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE oa_auto_replies (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        name VARCHAR(64) NOT NULL,
        match_type VARCHAR(8) NOT NULL,
        pattern VARCHAR(200) NOT NULL,
        priority INT NOT NULL DEFAULT 0,
        reply_type VARCHAR(16) NOT NULL,
        reply TEXT NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        updated_by_staff_id BIGINT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_oa_auto_replies_order (enabled, priority, id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE wechat_template_sends (
        msgid VARCHAR(24) NOT NULL,
        openid VARCHAR(64) NULL,
        template_id VARCHAR(64) NULL,
        source VARCHAR(24) NOT NULL DEFAULT 'unknown',
        source_ref VARCHAR(64) NULL,
        status VARCHAR(16) NOT NULL,
        status_detail VARCHAR(64) NULL,
        sent_at DATETIME(3) NULL,
        finished_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (msgid),
        KEY ix_wechat_template_sends_source (source, source_ref),
        KEY ix_wechat_template_sends_created (created_at)
      ) ${TABLE_OPTIONS}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['wechat_template_sends', 'oa_auto_replies', 'oa_binding_tokens', 'oa_channel_events', 'oa_followers']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
