import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The built-in dynamic tags; owners may edit their rules or delete them like any other. */
const BUILT_IN_TAGS = [
  { name: '母婴潜在客户', rule: { all: [{ kind: 'categoryPurchases', category: 'baby', minPurchases: 3, withinDays: 90 }] } },
  // "Most purchases on discount": more than half, judged from the third purchase on.
  { name: '价格敏感', rule: { all: [{ kind: 'discountShare', minPercent: 51, minPurchases: 3 }] } },
];

/** Seeds the built-in dynamic tags (INSERT IGNORE: a tag of the same name already there wins). */
export class SeedBuiltInTags1764900002000 implements MigrationInterface {
  name = 'SeedBuiltInTags1764900002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const tag of BUILT_IN_TAGS) {
      await queryRunner.query("INSERT IGNORE INTO tags (name, kind, rule, mirror_to_wechat) VALUES (?, 'dynamic', ?, 0)", [
        tag.name,
        JSON.stringify(tag.rule),
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM tags WHERE kind = 'dynamic' AND name IN (?)", [BUILT_IN_TAGS.map((tag) => tag.name)]);
  }
}
