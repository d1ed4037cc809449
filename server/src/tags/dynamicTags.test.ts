import { runInTransaction } from '../db/runInTransaction';
import { memberEraser } from '../privacy/memberEraser';
import { TaskWorker } from '../queue/TaskWorker';
import { MemberTag } from './MemberTag';
import { memberTagger } from './memberTagger';
import { retagMemberTask } from './RetagMemberTask';
import { scheduleMemberRetag } from './scheduleMemberRetag';
import { tagMirrorTask } from './TagMirrorTask';
import { eventually } from '../testing/startOfficialAccountHarness';
import { builtInTag, createTag, line, newMemberId, tagsOf, testTill } from '../testing/tagTestSupport';
import { useTestServer } from '../testing/useTestServer';

describe('dynamic tags from purchase histories', () => {
  const harness = useTestServer();

  let till: Awaited<ReturnType<typeof testTill>>;

  beforeAll(async () => {
    till = await testTill(harness.system, harness.server.baseUrl);
  });

  const retag = (memberId: string) => runInTransaction(harness.system.dataSource, (manager) => memberTagger({ manager, memberId }));

  it('tags 母婴潜在客户 from the third purchase with a baby item within 90 days, and drops it when one ages out', async () => {
    const tag = await builtInTag(harness.system, '母婴潜在客户');
    const memberId = await newMemberId(harness.system);
    await till.buy(memberId, { amountFen: 5000, items: [line('baby')] });
    await till.buy(memberId, { amountFen: 10_000, items: [line('baby'), line('plush')] });
    await till.buy(memberId, { amountFen: 6000, items: [line('plush')] });
    await retag(memberId);
    expect((await tagsOf(harness.system, memberId))[tag.id]).toBeUndefined();

    const third = await till.buy(memberId, { amountFen: 3000, items: [line('baby', 3000)] });
    await retag(memberId);
    expect((await tagsOf(harness.system, memberId))[tag.id]).toBe('rule');

    // The first baby purchase slides out of the 90-day window.
    await harness.system.dataSource.query(
      'UPDATE purchases SET purchased_at = NOW(3) - INTERVAL 100 DAY WHERE member_id = ? AND id <> ? ORDER BY id LIMIT 1',
      [memberId, third.id],
    );
    const result = await retag(memberId);
    expect(result.removed).toContain(tag.id);
    expect((await tagsOf(harness.system, memberId))[tag.id]).toBeUndefined();
  });

  it('tags 价格敏感 when most of at least three purchases were on discount', async () => {
    const tag = await builtInTag(harness.system, '价格敏感');
    const bargain = await newMemberId(harness.system);
    const mixed = await newMemberId(harness.system);
    const few = await newMemberId(harness.system);
    for (const discountFen of [500, 1000, 0]) await till.buy(bargain, { amountFen: 9000, discountFen });
    for (const discountFen of [500, 0, 0]) await till.buy(mixed, { amountFen: 9000, discountFen });
    for (const discountFen of [500, 800]) await till.buy(few, { amountFen: 9000, discountFen });
    for (const id of [bargain, mixed, few]) await retag(id);
    expect((await tagsOf(harness.system, bargain))[tag.id]).toBe('rule');
    expect((await tagsOf(harness.system, mixed))[tag.id]).toBeUndefined();
    expect((await tagsOf(harness.system, few))[tag.id]).toBeUndefined();
  });

  it('applies spend and count thresholds on net spend, so a full refund takes the tag away', async () => {
    const tag = await createTag(harness.system, { rule: { all: [{ kind: 'spend', minFen: 30_000, withinDays: 365 }, { kind: 'purchaseCount', min: 2 }] } });
    const memberId = await newMemberId(harness.system);
    await till.buy(memberId, { amountFen: 20_000 });
    await retag(memberId);
    expect((await tagsOf(harness.system, memberId))[tag.id]).toBeUndefined();
    const second = await till.buy(memberId, { amountFen: 15_000 });
    await retag(memberId);
    expect((await tagsOf(harness.system, memberId))[tag.id]).toBe('rule');
    await till.refund(second.id);
    await retag(memberId);
    expect((await tagsOf(harness.system, memberId))[tag.id]).toBeUndefined();
  });

  it('never removes or rewrites manual tags, even on a dynamic tag the member no longer qualifies for', async () => {
    const dynamic = await createTag(harness.system, { rule: { all: [{ kind: 'purchaseCount', min: 1 }] } });
    const manual = await createTag(harness.system);
    const idle = await newMemberId(harness.system);
    const buyer = await newMemberId(harness.system);
    const rows = harness.system.dataSource.getRepository(MemberTag);
    for (const memberId of [idle, buyer]) {
      await rows.insert({ memberId, tagId: dynamic.id, source: 'manual', assignedAt: new Date() });
      await rows.insert({ memberId, tagId: manual.id, source: 'manual', assignedAt: new Date() });
    }
    await till.buy(buyer, { amountFen: 1000 });
    await retag(idle);
    await retag(buyer);
    expect(await tagsOf(harness.system, idle)).toMatchObject({ [dynamic.id]: 'manual', [manual.id]: 'manual' });
    expect(await tagsOf(harness.system, buyer)).toMatchObject({ [dynamic.id]: 'manual', [manual.id]: 'manual' });
  });

  it('forgets the tags of a member who deletes their account, and rules do not tag them again', async () => {
    const tag = await createTag(harness.system, { rule: { all: [{ kind: 'purchaseCount', min: 1 }] } });
    const manual = await createTag(harness.system);
    const memberId = await newMemberId(harness.system);
    await till.buy(memberId, { amountFen: 1000 });
    await retag(memberId);
    await harness.system.dataSource.getRepository(MemberTag).insert({ memberId, tagId: manual.id, source: 'manual', assignedAt: new Date() });
    expect(Object.keys(await tagsOf(harness.system, memberId))).toEqual(expect.arrayContaining([tag.id, manual.id]));
    await memberEraser({ system: harness.system, memberId, now: new Date() });
    expect(await tagsOf(harness.system, memberId)).toEqual({});
    await retag(memberId);
    expect(await tagsOf(harness.system, memberId)).toEqual({});
  });

  describe('after each purchase and refund, through the retag job', () => {
    let worker: TaskWorker;
    beforeAll(() => {
      worker = TaskWorker.start({ system: harness.system, tasks: [retagMemberTask, tagMirrorTask], concurrency: 2 });
    });
    afterAll(async () => {
      await Promise.all(worker.processedQueues.map((queue) => queue.close()));
    });

    it('tags the member once the purchase commits and untags them after a refund', async () => {
      const tag = await createTag(harness.system, { rule: { all: [{ kind: 'categoryPurchases', category: 'science', minPurchases: 2, withinDays: 30 }] } });
      const memberId = await newMemberId(harness.system);
      await till.buy(memberId, { amountFen: 4000, items: [line('science', 4000)] });
      const second = await till.buy(memberId, { amountFen: 4000, items: [line('science', 4000)] });
      await eventually(async () => ((await tagsOf(harness.system, memberId))[tag.id] === 'rule' ? true : null), 'the retag job to add the tag', 15_000);
      await till.refund(second.id);
      await eventually(async () => ((await tagsOf(harness.system, memberId))[tag.id] === undefined ? true : null), 'the retag job to remove the tag', 15_000);
    });
  });

  it('collapses a burst of retag requests for one member into one waiting job', async () => {
    const memberId = await newMemberId(harness.system);
    for (let i = 0; i < 5; i += 1) await scheduleMemberRetag(harness.system, memberId);
    const queue = harness.system.queues.get(retagMemberTask.queueName);
    const waiting = (await queue.getJobs(['delayed', 'waiting'])).filter((job) => String(job.id).startsWith(`tags-retag:${memberId}`));
    expect(waiting.map((job) => job.id)).toEqual([`tags-retag:${memberId}`]);
  });
});
