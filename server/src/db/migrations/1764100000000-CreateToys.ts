import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The store's toy catalogue, imported from the POS's CSV export and read by the official account's intents. */
export class CreateToys1764100000000 implements MigrationInterface {
  name = 'CreateToys1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE toys (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        sku VARCHAR(64) NOT NULL,
        name VARCHAR(128) NOT NULL,
        aliases TEXT NOT NULL,
        category VARCHAR(32) NOT NULL,
        category_label VARCHAR(32) NOT NULL DEFAULT '',
        min_age_months SMALLINT UNSIGNED NULL,
        max_age_months SMALLINT UNSIGNED NULL,
        price_fen BIGINT NOT NULL,
        stock INT NOT NULL DEFAULT 0,
        picture_url VARCHAR(500) NOT NULL DEFAULT '',
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_toys_sku (sku),
        KEY ix_toys_category (category, stock),
        CONSTRAINT ck_toys_values CHECK (
          price_fen >= 0 AND stock >= 0
          AND (min_age_months IS NULL OR max_age_months IS NULL OR min_age_months <= max_age_months)
        )
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE toys');
  }
}
