import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Purchases, refunds, the append-only points ledger and tier changes. Idempotency is
 * enforced by unique keys so that the loser of a concurrent insert gets a duplicate-key
 * error and reads the winner's result.
 */
export class CreateLedger1763900001000 implements MigrationInterface {
  name = 'CreateLedger1763900001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE stores
        ADD COLUMN points_per_yuan INT NULL AFTER opening_hours,
        ADD COLUMN pos_secret_sealed VARCHAR(255) NULL AFTER points_per_yuan
    `);
    await queryRunner.query(`
      CREATE TABLE purchases (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        store_id BIGINT UNSIGNED NOT NULL,
        member_id BIGINT UNSIGNED NULL,
        source VARCHAR(8) NOT NULL,
        idempotency_key VARCHAR(64) NOT NULL,
        request_hash CHAR(64) NOT NULL,
        amount_fen BIGINT NOT NULL,
        refunded_fen BIGINT NOT NULL DEFAULT 0,
        points_earned INT NOT NULL DEFAULT 0,
        points_reversed INT NOT NULL DEFAULT 0,
        tier_code VARCHAR(16) NULL,
        multiplier_percent INT NULL,
        staff_id BIGINT UNSIGNED NULL,
        purchased_at DATETIME(3) NOT NULL,
        credited_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_purchases_idempotency (store_id, source, idempotency_key),
        KEY ix_purchases_member_time (member_id, purchased_at, amount_fen, refunded_fen),
        CONSTRAINT fk_purchases_store FOREIGN KEY (store_id) REFERENCES stores (id),
        CONSTRAINT fk_purchases_member FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT ck_purchases_amounts CHECK (amount_fen > 0 AND refunded_fen >= 0 AND refunded_fen <= amount_fen)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE purchase_items (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        purchase_id BIGINT UNSIGNED NOT NULL,
        name VARCHAR(64) NOT NULL,
        category VARCHAR(32) NULL,
        quantity INT NOT NULL,
        amount_fen BIGINT NOT NULL,
        PRIMARY KEY (id),
        KEY ix_purchase_items_purchase (purchase_id),
        CONSTRAINT fk_purchase_items_purchase FOREIGN KEY (purchase_id) REFERENCES purchases (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE refunds (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        purchase_id BIGINT UNSIGNED NOT NULL,
        store_id BIGINT UNSIGNED NOT NULL,
        source VARCHAR(8) NOT NULL,
        idempotency_key VARCHAR(64) NOT NULL,
        request_hash CHAR(64) NOT NULL,
        amount_fen BIGINT NOT NULL,
        points_reversed INT NOT NULL DEFAULT 0,
        points_shortfall INT NOT NULL DEFAULT 0,
        staff_id BIGINT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_refunds_idempotency (store_id, source, idempotency_key),
        KEY ix_refunds_purchase (purchase_id),
        CONSTRAINT fk_refunds_purchase FOREIGN KEY (purchase_id) REFERENCES purchases (id),
        CONSTRAINT ck_refunds_amount CHECK (amount_fen > 0)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE points_entries (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        member_id BIGINT UNSIGNED NOT NULL,
        delta INT NOT NULL,
        balance_after INT NOT NULL,
        reason VARCHAR(24) NOT NULL,
        ref_type VARCHAR(24) NULL,
        ref_id BIGINT UNSIGNED NULL,
        staff_id BIGINT UNSIGNED NULL,
        note VARCHAR(255) NULL,
        idempotency_key VARCHAR(64) NULL,
        expires_at DATETIME(3) NULL,
        remaining INT NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_points_entries_ref (reason, ref_type, ref_id),
        UNIQUE KEY uq_points_entries_idempotency (member_id, idempotency_key),
        KEY ix_points_entries_member (member_id, id),
        KEY ix_points_entries_lots (member_id, remaining, expires_at),
        KEY ix_points_entries_expiry (expires_at, remaining),
        CONSTRAINT fk_points_entries_member FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT ck_points_entries_balance CHECK (balance_after >= 0 AND remaining >= 0 AND delta <> 0)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE tier_changes (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        member_id BIGINT UNSIGNED NOT NULL,
        from_tier VARCHAR(16) NOT NULL,
        to_tier VARCHAR(16) NOT NULL,
        reason VARCHAR(32) NOT NULL,
        spend_365d_fen BIGINT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_tier_changes_member (member_id, id),
        CONSTRAINT fk_tier_changes_member FOREIGN KEY (member_id) REFERENCES members (id)
      ) ${TABLE_OPTIONS}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['tier_changes', 'points_entries', 'refunds', 'purchase_items', 'purchases']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('ALTER TABLE stores DROP COLUMN pos_secret_sealed, DROP COLUMN points_per_yuan');
  }
}
