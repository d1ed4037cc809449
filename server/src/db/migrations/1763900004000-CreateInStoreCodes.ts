import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Store check-ins (one per member per local day) and one-time receipt claim codes. */
export class CreateInStoreCodes1763900004000 implements MigrationInterface {
  name = 'CreateInStoreCodes1763900004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE check_ins (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        member_id BIGINT UNSIGNED NOT NULL,
        store_id BIGINT UNSIGNED NOT NULL,
        day DATE NOT NULL,
        points INT NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_check_ins_member_day (member_id, day),
        CONSTRAINT fk_check_ins_member FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT fk_check_ins_store FOREIGN KEY (store_id) REFERENCES stores (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE receipt_codes (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        purchase_id BIGINT UNSIGNED NOT NULL,
        code_hash CHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        claimed_by_member_id BIGINT UNSIGNED NULL,
        claimed_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_receipt_codes_purchase (purchase_id),
        UNIQUE KEY uq_receipt_codes_hash (code_hash),
        CONSTRAINT fk_receipt_codes_purchase FOREIGN KEY (purchase_id) REFERENCES purchases (id)
      ) ${TABLE_OPTIONS}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE receipt_codes');
    await queryRunner.query('DROP TABLE check_ins');
  }
}
