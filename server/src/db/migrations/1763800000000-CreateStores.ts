import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The brand's stores: the first table, which everything else refers to. */
export class CreateStores1763800000000 implements MigrationInterface {
  name = 'CreateStores1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stores (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        code VARCHAR(32) NOT NULL,
        name VARCHAR(64) NOT NULL,
        address VARCHAR(255) NOT NULL DEFAULT '',
        phone VARCHAR(32) NOT NULL DEFAULT '',
        opening_hours VARCHAR(128) NOT NULL DEFAULT '',
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_stores_code (code)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE stores');
  }
}
