import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Member tags: manual ones set by staff and dynamic ones maintained from rules, which
 * members carry them, and which followers already carry the tag's mirror on WeChat
 * (so that mirroring is a diff that can stop and resume anywhere).
 */
export class CreateTags1764900000000 implements MigrationInterface {
  name = 'CreateTags1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tags (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        name VARCHAR(30) NOT NULL,
        kind VARCHAR(8) NOT NULL,
        rule JSON NULL,
        wechat_tag_id INT UNSIGNED NULL,
        mirror_to_wechat TINYINT(1) NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_tags_name (name),
        UNIQUE KEY uq_tags_wechat_tag (wechat_tag_id),
        KEY ix_tags_kind (kind, id)
      ) ${TABLE_OPTIONS}
    `);
    await queryRunner.query(`
      CREATE TABLE member_tags (
        member_id BIGINT UNSIGNED NOT NULL,
        tag_id BIGINT UNSIGNED NOT NULL,
        source VARCHAR(8) NOT NULL,
        assigned_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (member_id, tag_id),
        KEY ix_member_tags_tag (tag_id, member_id),
        CONSTRAINT fk_member_tags_member FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT fk_member_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}
    `);
    // What WeChat already has: the mirror task tags the missing and untags the extra.
    await queryRunner.query(`
      CREATE TABLE tag_wechat_members (
        tag_id BIGINT UNSIGNED NOT NULL,
        openid VARCHAR(64) NOT NULL,
        mirrored_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (tag_id, openid),
        CONSTRAINT fk_tag_wechat_members_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE tag_wechat_members');
    await queryRunner.query('DROP TABLE member_tags');
    await queryRunner.query('DROP TABLE tags');
  }
}
