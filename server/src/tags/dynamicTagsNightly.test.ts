import { DynamicTagsNightlyTask } from './DynamicTagsNightlyTask';
import type { DynamicTagsNightlyResult } from './DynamicTagsNightlyTask';
import { MemberTag } from './MemberTag';
import { createTag, newMemberId, tagsOf, testTill } from '../testing/tagTestSupport';
import { tagMirrorTask } from './TagMirrorTask';
import { useTestServer } from '../testing/useTestServer';

describe('DynamicTagsNightlyTask', () => {
  const harness = useTestServer();

  const nightly = new DynamicTagsNightlyTask();

  it('re-evaluates every member in keyset batches: adds, removes stale rule rows, keeps manual ones, schedules mirrors', async () => {
    const till = await testTill(harness.system, harness.server.baseUrl);
    const buyers = [await newMemberId(harness.system), await newMemberId(harness.system), await newMemberId(harness.system)];
    for (const memberId of buyers) await till.buy(memberId, { amountFen: 2000 + Number(memberId) });
    // Created after the purchases, so no retag job has seen it: only the nightly run can.
    const tag = await createTag(harness.system, { rule: { all: [{ kind: 'purchaseCount', min: 1, withinDays: 30 }] }, mirrorToWechat: true });
    const stale = await newMemberId(harness.system);
    const manual = await newMemberId(harness.system);
    const rows = harness.system.dataSource.getRepository(MemberTag);
    await rows.insert({ memberId: stale, tagId: tag.id, source: 'rule', assignedAt: new Date() });
    await rows.insert({ memberId: manual, tagId: tag.id, source: 'manual', assignedAt: new Date() });

    // Performed here on its real Bull job (no worker), so the mirror jobs it schedules stay queued to be seen.
    const job = await harness.system.scheduler.schedule(nightly, { batchSize: 2 });
    const result: DynamicTagsNightlyResult = await nightly.perform(job.data, { system: harness.system, job, log: harness.system.logger });

    for (const memberId of buyers) expect((await tagsOf(harness.system, memberId))[tag.id]).toBe('rule');
    expect((await tagsOf(harness.system, stale))[tag.id]).toBeUndefined();
    expect((await tagsOf(harness.system, manual))[tag.id]).toBe('manual');
    const members = Number((await harness.system.dataSource.query('SELECT COUNT(*) AS n FROM members'))[0].n);
    expect(result.batches).toBe(Math.ceil(members / 2));
    expect(result.added).toBeGreaterThanOrEqual(3);
    expect(result.removed).toBeGreaterThanOrEqual(1);
    expect(await harness.system.queues.get(tagMirrorTask.queueName).getJob(`tags-mirror:${tag.id}`)).not.toBeNull();
    expect(await job.progress()).toBe(String((await harness.system.dataSource.query('SELECT MAX(id) AS id FROM members'))[0].id));
  });

  it('continues a retried run after the last batch it finished (the cursor in the job progress)', async () => {
    const till = await testTill(harness.system, harness.server.baseUrl);
    const before = await newMemberId(harness.system);
    const after = await newMemberId(harness.system);
    for (const memberId of [before, after]) await till.buy(memberId, { amountFen: 1500 });
    const tag = await createTag(harness.system, { rule: { all: [{ kind: 'spend', minFen: 1500, maxFen: 1500 }] } });
    const job = await harness.system.scheduler.schedule(nightly, { batchSize: 50, tagId: tag.id, version: 1 });
    await job.progress(before);
    await nightly.perform(job.data, { system: harness.system, job, log: harness.system.logger });
    expect((await tagsOf(harness.system, before))[tag.id]).toBeUndefined();
    expect((await tagsOf(harness.system, after))[tag.id]).toBe('rule');
  });
});
