import type { System } from '../system/System';
import { createTestSystem } from '../testing/createTestSystem';
import { startTestServer } from '../testing/startTestServer';
import type { TestServer } from '../testing/startTestServer';
import { DynamicTagsNightlyTask } from './DynamicTagsNightlyTask';
import type { DynamicTagsNightlyResult } from './DynamicTagsNightlyTask';
import { MemberTag } from './MemberTag';
import { createTag, newMemberId, tagsOf, testTill } from '../testing/tagTestSupport';
import { tagMirrorTask } from './TagMirrorTask';

describe('DynamicTagsNightlyTask', () => {
  let system: System;
  let server: TestServer;
  const nightly = new DynamicTagsNightlyTask();

  beforeAll(async () => {
    system = await createTestSystem();
    server = await startTestServer(system);
  });
  afterAll(async () => {
    await server.close(1000);
    await system.close();
  });

  it('re-evaluates every member in keyset batches: adds, removes stale rule rows, keeps manual ones, schedules mirrors', async () => {
    const till = await testTill(system, server.baseUrl);
    const buyers = [await newMemberId(system), await newMemberId(system), await newMemberId(system)];
    for (const memberId of buyers) await till.buy(memberId, { amountFen: 2000 + Number(memberId) });
    // Created after the purchases, so no retag job has seen it: only the nightly run can.
    const tag = await createTag(system, { rule: { all: [{ kind: 'purchaseCount', min: 1, withinDays: 30 }] }, mirrorToWechat: true });
    const stale = await newMemberId(system);
    const manual = await newMemberId(system);
    const rows = system.dataSource.getRepository(MemberTag);
    await rows.insert({ memberId: stale, tagId: tag.id, source: 'rule', assignedAt: new Date() });
    await rows.insert({ memberId: manual, tagId: tag.id, source: 'manual', assignedAt: new Date() });

    // Performed here on its real Bull job (no worker), so the mirror jobs it schedules stay queued to be seen.
    const job = await system.scheduler.schedule(nightly, { batchSize: 2 });
    const result: DynamicTagsNightlyResult = await nightly.perform(job.data, { system, job, log: system.logger });

    for (const memberId of buyers) expect((await tagsOf(system, memberId))[tag.id]).toBe('rule');
    expect((await tagsOf(system, stale))[tag.id]).toBeUndefined();
    expect((await tagsOf(system, manual))[tag.id]).toBe('manual');
    const members = Number((await system.dataSource.query('SELECT COUNT(*) AS n FROM members'))[0].n);
    expect(result.batches).toBe(Math.ceil(members / 2));
    expect(result.added).toBeGreaterThanOrEqual(3);
    expect(result.removed).toBeGreaterThanOrEqual(1);
    expect(await system.queues.get(tagMirrorTask.queueName).getJob(`tags-mirror:${tag.id}`)).not.toBeNull();
    expect(await job.progress()).toBe(String((await system.dataSource.query('SELECT MAX(id) AS id FROM members'))[0].id));
  });

  it('continues a retried run after the last batch it finished (the cursor in the job progress)', async () => {
    const till = await testTill(system, server.baseUrl);
    const before = await newMemberId(system);
    const after = await newMemberId(system);
    for (const memberId of [before, after]) await till.buy(memberId, { amountFen: 1500 });
    const tag = await createTag(system, { rule: { all: [{ kind: 'spend', minFen: 1500, maxFen: 1500 }] } });
    const job = await system.scheduler.schedule(nightly, { batchSize: 50, tagId: tag.id, version: 1 });
    await job.progress(before);
    await nightly.perform(job.data, { system, job, log: system.logger });
    expect((await tagsOf(system, before))[tag.id]).toBeUndefined();
    expect((await tagsOf(system, after))[tag.id]).toBe('rule');
  });
});
