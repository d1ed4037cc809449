import type { System } from '../system/System';
import { Member } from '../members/Member';
import { definitionAudience } from '../segments/segmentAudience';
import { createTestSystem } from '../testing/createTestSystem';
import { createMember } from '../testing/factories/createMember';
import { createStore } from '../testing/factories/createStore';
import { audienceHasAny } from './audienceHasAny';

describe('audienceHasAny', () => {
  let system: System;

  beforeAll(async () => {
    system = await createTestSystem();
  });

  afterAll(async () => {
    await system.close();
  });

  it('answers whether a member of the audience itself meets the condition', async () => {
    const { store } = await createStore(system);
    const { store: elsewhere } = await createStore(system);
    const inside = (await createMember(system, { registrationStoreId: store.id })).member;
    const gone = (await createMember(system, { registrationStoreId: store.id })).member;
    await system.dataSource.getRepository(Member).update({ id: gone.id }, { deletedAt: new Date() });
    const outside = (await createMember(system, { registrationStoreId: elsewhere.id })).member;
    const manager = system.dataSource.manager;
    const audience = definitionAudience({ manager, config: system.config, definition: { op: 'and', rules: [{ kind: 'registration_store', storeIds: [Number(store.id)] }] } });
    const isMember = (id: string) => ({ sql: 'm.id = ?', params: [id] });

    expect(await audienceHasAny(manager, audience, isMember(inside.id))).toBe(true);
    expect(await audienceHasAny(manager, audience, { sql: 'm.id IN (?, ?)', params: [outside.id, inside.id] })).toBe(true);
    // A match outside the audience, or a deleted member, does not count.
    expect(await audienceHasAny(manager, audience, isMember(outside.id))).toBe(false);
    expect(await audienceHasAny(manager, audience, isMember(gone.id))).toBe(false);
  });
});
