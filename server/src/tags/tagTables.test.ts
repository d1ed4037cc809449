import { createTestSystem } from '../testing/createTestSystem';
import { createMember } from '../testing/factories/createMember';
import type { System } from '../system/System';
import { Tag } from './Tag';
import { MemberTag } from './MemberTag';

describe('tags and member_tags tables', () => {
  let system: System;
  beforeAll(async () => {
    system = await createTestSystem();
  });
  afterAll(() => system.close());

  it('keeps a rule as JSON, one row per member and tag, and drops member rows with the tag', async () => {
    const tags = system.dataSource.getRepository(Tag);
    const rule = { all: [{ kind: 'categoryPurchases' as const, category: 'baby' as const, minPurchases: 3, withinDays: 90 }] };
    const tag = await tags.save(tags.create({ name: `t-${Date.now()}`, kind: 'dynamic', rule, mirrorToWechat: false, wechatTagId: null }));
    expect((await tags.findOneByOrFail({ id: tag.id })).rule).toEqual(rule);
    const { member } = await createMember(system);
    const rows = system.dataSource.getRepository(MemberTag);
    await rows.insert({ memberId: member.id, tagId: tag.id, source: 'rule', assignedAt: new Date() });
    await expect(rows.insert({ memberId: member.id, tagId: tag.id, source: 'manual', assignedAt: new Date() })).rejects.toThrow(/Duplicate/);
    await tags.delete({ id: tag.id });
    expect(await rows.countBy({ tagId: tag.id })).toBe(0);
  });
});
