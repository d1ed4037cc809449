import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Staff accounts, their sessions and mini-program binding codes, and the audit log. */
export class CreateStaff1763900003000 implements MigrationInterface {
  name = 'CreateStaff1763900003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_accounts (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        username VARCHAR(32) NOT NULL,
        display_name VARCHAR(32) NOT NULL,
        password_hash VARCHAR(255) NOT NULL,
        role VARCHAR(16) NOT NULL,
        store_id BIGINT UNSIGNED NULL,
        member_id BIGINT UNSIGNED NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        failed_logins INT NOT NULL DEFAULT 0,
        locked_until DATETIME(3) NULL,
        last_login_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_staff_accounts_username (username),
        UNIQUE KEY uq_staff_accounts_member (member_id),
        CONSTRAINT fk_staff_accounts_store FOREIGN KEY (store_id) REFERENCES stores (id),
        CONSTRAINT fk_staff_accounts_member FOREIGN KEY (member_id) REFERENCES members (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE staff_sessions (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        staff_id BIGINT UNSIGNED NOT NULL,
        token_hash CHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        ip VARCHAR(64) NOT NULL DEFAULT '',
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_staff_sessions_token_hash (token_hash),
        KEY ix_staff_sessions_staff (staff_id),
        CONSTRAINT fk_staff_sessions_staff FOREIGN KEY (staff_id) REFERENCES staff_accounts (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE staff_binding_codes (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        staff_id BIGINT UNSIGNED NOT NULL,
        code_hash CHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        created_by_staff_id BIGINT UNSIGNED NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_staff_binding_codes_hash (code_hash),
        CONSTRAINT fk_staff_binding_codes_staff FOREIGN KEY (staff_id) REFERENCES staff_accounts (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE audit_entries (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        staff_id BIGINT UNSIGNED NOT NULL,
        member_id BIGINT UNSIGNED NULL,
        action VARCHAR(48) NOT NULL,
        detail VARCHAR(255) NOT NULL DEFAULT '',
        ip VARCHAR(64) NOT NULL DEFAULT '',
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_audit_entries_member (member_id, id),
        KEY ix_audit_entries_staff (staff_id, id)
      ) ${TABLE_OPTIONS}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_entries', 'staff_binding_codes', 'staff_sessions', 'staff_accounts']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
