import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the segment rules' subqueries, found with EXPLAIN on a million
 * seeded members: a child's age and birthday, and a member's reachable follower, are
 * answered from the index without reading the rows (children carry a TEXT column).
 */
export class AddSegmentCoveringIndexes1764600001000 implements MigrationInterface {
  name = 'AddSegmentCoveringIndexes1764600001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE children ADD KEY ix_children_member_birth (member_id, birth_year, birth_month, birth_day)');
    await queryRunner.query('ALTER TABLE oa_followers ADD KEY ix_oa_followers_member_reach (member_id, reachable, subscribed)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE oa_followers DROP KEY ix_oa_followers_member_reach');
    await queryRunner.query('ALTER TABLE children DROP KEY ix_children_member_birth');
  }
}
