import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Members and what hangs off them: sessions, consents, children and purchase statistics.
 * Personal columns are nullable because nothing personal is stored before consent.
 */
export class CreateMembers1763900000000 implements MigrationInterface {
  name = 'CreateMembers1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE members (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        openid VARCHAR(64) NOT NULL,
        unionid VARCHAR(64) NULL,
        nickname VARCHAR(64) NULL,
        phone_last4 CHAR(4) NULL,
        phone_hash VARCHAR(64) NULL,
        phone_sealed VARCHAR(255) NULL,
        tier_code VARCHAR(16) NOT NULL,
        tier_since DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        tier_downgrade_pending_since DATETIME(3) NULL,
        points_balance INT NOT NULL DEFAULT 0,
        privacy_policy_version VARCHAR(32) NULL,
        privacy_consented_at DATETIME(3) NULL,
        guardian_policy_version VARCHAR(32) NULL,
        guardian_consented_at DATETIME(3) NULL,
        deleted_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_members_openid (openid),
        UNIQUE KEY uq_members_unionid (unionid),
        KEY ix_members_phone_last4 (phone_last4, id),
        KEY ix_members_phone_hash (phone_hash),
        KEY ix_members_nickname (nickname, id),
        CONSTRAINT ck_members_points_balance CHECK (points_balance >= 0)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE member_sessions (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        member_id BIGINT UNSIGNED NOT NULL,
        token_hash CHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_member_sessions_token_hash (token_hash),
        KEY ix_member_sessions_member (member_id),
        CONSTRAINT fk_member_sessions_member FOREIGN KEY (member_id) REFERENCES members (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE consents (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        member_id BIGINT UNSIGNED NOT NULL,
        kind VARCHAR(16) NOT NULL,
        policy_version VARCHAR(32) NOT NULL,
        granted_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        ip VARCHAR(64) NOT NULL DEFAULT '',
        PRIMARY KEY (id),
        KEY ix_consents_member (member_id, id),
        CONSTRAINT fk_consents_member FOREIGN KEY (member_id) REFERENCES members (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE children (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        member_id BIGINT UNSIGNED NOT NULL,
        name VARCHAR(32) NOT NULL,
        birth_year SMALLINT UNSIGNED NULL,
        birth_month TINYINT UNSIGNED NOT NULL,
        birth_day TINYINT UNSIGNED NOT NULL,
        gender VARCHAR(8) NULL,
        interests TEXT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_children_member (member_id),
        CONSTRAINT fk_children_member FOREIGN KEY (member_id) REFERENCES members (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE member_stats (
        member_id BIGINT UNSIGNED NOT NULL,
        first_purchase_at DATETIME(3) NULL,
        last_purchase_at DATETIME(3) NULL,
        purchase_count INT NOT NULL DEFAULT 0,
        total_spend_fen BIGINT NOT NULL DEFAULT 0,
        average_ticket_fen BIGINT NOT NULL DEFAULT 0,
        average_interval_days DECIMAL(10,2) NULL,
        count_90d INT NOT NULL DEFAULT 0,
        spend_90d_fen BIGINT NOT NULL DEFAULT 0,
        count_365d INT NOT NULL DEFAULT 0,
        spend_365d_fen BIGINT NOT NULL DEFAULT 0,
        windows_as_of DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (member_id),
        KEY ix_member_stats_spend_365d (spend_365d_fen),
        CONSTRAINT fk_member_stats_member FOREIGN KEY (member_id) REFERENCES members (id)
      ) ${TABLE_OPTIONS}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['member_stats', 'children', 'consents', 'member_sessions', 'members']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
