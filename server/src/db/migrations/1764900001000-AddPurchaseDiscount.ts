import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How much of a purchase was discounted (fen), so that tag rules can tell bargain hunters
 * (价格敏感). Zero for every existing purchase and for tills that do not report it.
 */
export class AddPurchaseDiscount1764900001000 implements MigrationInterface {
  name = 'AddPurchaseDiscount1764900001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE purchases ADD COLUMN discount_fen BIGINT NOT NULL DEFAULT 0 AFTER amount_fen');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE purchases DROP COLUMN discount_fen');
  }
}
