import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** The rewards catalogue and members' redemptions; stock can never go below zero. */
export class CreateRewards1763900002000 implements MigrationInterface {
  name = 'CreateRewards1763900002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rewards (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        name VARCHAR(64) NOT NULL,
        description VARCHAR(500) NOT NULL DEFAULT '',
        image_url VARCHAR(500) NOT NULL DEFAULT '',
        points_price INT NOT NULL,
        stock INT NOT NULL,
        active TINYINT(1) NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_rewards_active (active, points_price),
        CONSTRAINT ck_rewards_stock CHECK (stock >= 0 AND points_price > 0)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE redemptions (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        member_id BIGINT UNSIGNED NOT NULL,
        reward_id BIGINT UNSIGNED NOT NULL,
        idempotency_key VARCHAR(64) NOT NULL,
        points INT NOT NULL,
        code VARCHAR(16) NOT NULL,
        status VARCHAR(16) NOT NULL,
        fulfilled_by_staff_id BIGINT UNSIGNED NULL,
        fulfilled_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_redemptions_idempotency (member_id, idempotency_key),
        UNIQUE KEY uq_redemptions_code (code),
        KEY ix_redemptions_member (member_id, id),
        CONSTRAINT fk_redemptions_member FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT fk_redemptions_reward FOREIGN KEY (reward_id) REFERENCES rewards (id)
      ) ${TABLE_OPTIONS}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE redemptions');
    await queryRunner.query('DROP TABLE rewards');
  }
}
