import type { System } from '../system/System';
import { AppError } from '../app/AppError';
import { createTestSystem } from '../testing/createTestSystem';
import { createMember } from '../testing/factories/createMember';
import { createSegment } from '../testing/factories/createSegment';
import { createStore } from '../testing/factories/createStore';
import { Member } from '../members/Member';
import { loadSegmentAudience } from './segmentAudience';
import { Segment } from './Segment';

describe('segment audience', () => {
  let system: System;

  beforeAll(async () => {
    system = await createTestSystem();
  });

  afterAll(async () => {
    await system.close();
  });

  it('counts and pages a saved segment by member id, without deleted members', async () => {
    const { store } = await createStore(system);
    const ids: number[] = [];
    for (let index = 0; index < 7; index += 1) {
      const { member } = await createMember(system, { registrationStoreId: store.id });
      ids.push(Number(member.id));
    }
    await createMember(system, { registrationStoreId: store.id, tierCode: 'other' });
    await system.dataSource.getRepository(Member).update({ id: String(ids[6]) }, { deletedAt: new Date() });
    const live = ids.slice(0, 6);
    const segmentId = await createSegment(system, {
      definition: {
        op: 'and',
        rules: [
          { kind: 'registration_store', storeIds: [Number(store.id)] },
          { kind: 'tier', tiers: [system.config.tiers.levels[0]!.code] },
        ],
      },
    });

    const audience = await loadSegmentAudience({ manager: system.dataSource.manager, segmentId, config: system.config });
    expect(await audience.count()).toBe(6);
    const first = await audience.page(0, 4);
    expect(first).toEqual(live.slice(0, 4));
    expect(await audience.page(first[first.length - 1]!, 4)).toEqual(live.slice(4));
    expect(await audience.page(live[5]!, 4)).toEqual([]);
  });

  it('refuses a missing or deleted segment with segment_not_found', async () => {
    const segmentId = await createSegment(system, { definition: { op: 'and', rules: [{ kind: 'tier', tiers: ['x'] }] } });
    await system.dataSource.getRepository(Segment).update({ id: String(segmentId) }, { deletedAt: new Date() });
    for (const id of [segmentId, 999_999_999]) {
      const failure = await loadSegmentAudience({ manager: system.dataSource.manager, segmentId: id, config: system.config }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect(failure).toMatchObject({ status: 404, code: 'segment_not_found' });
    }
  });
});
