import type { SegmentDefinition } from '@toyclub/shared';
import type { System } from '../system/System';
import { createTestSystem } from '../testing/createTestSystem';
import { createMember } from '../testing/factories/createMember';
import { createStore } from '../testing/factories/createStore';
import { segmentPreviewer } from './segmentPreviewer';

describe('segment preview sample', () => {
  let system: System;

  beforeAll(async () => {
    system = await createTestSystem();
  });

  afterAll(async () => {
    await system.close();
  });

  it('samples the newest members, newest first, also when they are older than the first ids looked at', async () => {
    const { store } = await createStore(system);
    const gold: string[] = [];
    for (let index = 0; index < 3; index += 1) gold.push((await createMember(system, { registrationStoreId: store.id, tierCode: 'gold' })).member.id);
    // Newer members outside the segment: a window of the newest 4 ids finds none of the gold ones.
    for (let index = 0; index < 4; index += 1) await createMember(system, { registrationStoreId: store.id });
    const definition: SegmentDefinition = {
      op: 'and',
      rules: [
        { kind: 'registration_store', storeIds: [Number(store.id)] },
        { kind: 'tier', tiers: ['gold'] },
      ],
    };
    const newestFirst = [...gold].reverse();
    const preview = (sampleWindowIds: number, previewSampleSize: number) =>
      segmentPreviewer({
        manager: system.dataSource.manager,
        config: { ...system.config, segments: { ...system.config.segments, previewSampleSize } },
        definition,
        sampleWindowIds,
      });
    for (const window of [4, 5, 1_000_000]) {
      const all = await preview(window, 20);
      expect(all.count).toBe(3);
      expect(all.sample.map((member) => member.id)).toEqual(newestFirst);
      expect((await preview(window, 2)).sample.map((member) => member.id)).toEqual(newestFirst.slice(0, 2));
    }
  });
});
