import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Saved segments, where each member registered (channel and store, for the registration
 * rules), the nightly statistics check's reports, and the indexes that let a compiled
 * segment be counted on a million members at once.
 */
export class CreateSegments1764600000000 implements MigrationInterface {
  name = 'CreateSegments1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE segments (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        name VARCHAR(64) NOT NULL,
        description VARCHAR(255) NOT NULL DEFAULT '',
        definition JSON NOT NULL,
        created_by_staff_id BIGINT UNSIGNED NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        deleted_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        KEY ix_segments_live (deleted_at, id),
        CONSTRAINT fk_segments_staff FOREIGN KEY (created_by_staff_id) REFERENCES staff_accounts (id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      ALTER TABLE members
        ADD COLUMN registration_channel VARCHAR(64) NULL AFTER guardian_consented_at,
        ADD COLUMN registration_store_id BIGINT UNSIGNED NULL AFTER registration_channel,
        ADD KEY ix_members_registration_store (registration_store_id, id),
        ADD KEY ix_members_registration_channel (registration_channel, id),
        ADD KEY ix_members_tier (tier_code, id),
        ADD KEY ix_members_created (created_at, id),
        ADD CONSTRAINT fk_members_registration_store FOREIGN KEY (registration_store_id) REFERENCES stores (id)
    `);
    // A member who followed before registering came through the follower's first channel.
    await queryRunner.query(`
      UPDATE members m JOIN oa_followers f ON f.member_id = m.id
         SET m.registration_channel = f.first_channel, m.registration_store_id = f.first_store_id
       WHERE m.registration_channel IS NULL AND m.registration_store_id IS NULL
    `);
    await queryRunner.query(`
      ALTER TABLE member_stats
        ADD KEY ix_member_stats_last_purchase (last_purchase_at),
        ADD KEY ix_member_stats_count_365d (count_365d, average_ticket_fen),
        ADD KEY ix_member_stats_count_90d (count_90d),
        ADD KEY ix_member_stats_total_spend (total_spend_fen)
    `);
    await queryRunner.query(`ALTER TABLE children ADD KEY ix_children_birthday (birth_month, birth_day, member_id)`);
    await queryRunner.query(`
      CREATE TABLE stats_recompute_reports (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        started_at DATETIME(3) NOT NULL,
        finished_at DATETIME(3) NOT NULL,
        members_checked INT NOT NULL,
        members_fixed INT NOT NULL,
        fixed_member_ids JSON NOT NULL,
        PRIMARY KEY (id),
        KEY ix_stats_recompute_reports_started (started_at)
      ) ${TABLE_OPTIONS}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE stats_recompute_reports');
    await queryRunner.query('ALTER TABLE children DROP KEY ix_children_birthday');
    await queryRunner.query(`
      ALTER TABLE member_stats DROP KEY ix_member_stats_last_purchase, DROP KEY ix_member_stats_count_365d,
        DROP KEY ix_member_stats_count_90d, DROP KEY ix_member_stats_total_spend
    `);
    await queryRunner.query('ALTER TABLE members DROP FOREIGN KEY fk_members_registration_store');
    await queryRunner.query(`
      ALTER TABLE members DROP KEY ix_members_registration_store, DROP KEY ix_members_registration_channel,
        DROP KEY ix_members_tier, DROP KEY ix_members_created, DROP COLUMN registration_channel, DROP COLUMN registration_store_id
    `);
    await queryRunner.query('DROP TABLE segments');
  }
}
