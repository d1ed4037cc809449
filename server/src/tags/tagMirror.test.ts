import type { System } from '../system/System';
import { createTestSystem } from '../testing/createTestSystem';
import { createFollower } from '../testing/factories/createFollower';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import { TaskWorker } from '../queue/TaskWorker';
import type { WechatSimulator } from '../wechatSimulator/startWechatSimulator';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import { MemberTag } from './MemberTag';
import { Tag } from './Tag';
import { tagMirror } from './tagMirror';
import type { TagMirrorResult } from './tagMirror';
import { scheduleTagMirror, tagMirrorTask } from './TagMirrorTask';
import { createTag, newMemberId } from '../testing/tagTestSupport';

const BATCH_TAGGING = '/cgi-bin/tags/members/batchtagging';
const BATCH_UNTAGGING = '/cgi-bin/tags/members/batchuntagging';

describe('mirroring tags to WeChat user tags', () => {
  let sim: WechatSimulator;
  let system: System;

  beforeAll(async () => {
    sim = await startTestWechatSimulator();
    system = await createTestSystem({ wechat: { apiBase: sim.url, oa: { ...TEST_WECHAT_APPS.oa }, mp: { ...TEST_WECHAT_APPS.mp } } });
  });
  afterAll(async () => {
    await system.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.reset();
  });

  /** `count` members carrying `tag`, each bound to a reachable follower known to the simulator. */
  async function followersWithTag(tag: Tag, count: number): Promise<Array<{ memberId: string; openid: string }>> {
    const made: Array<{ memberId: string; openid: string }> = [];
    for (let i = 0; i < count; i += 1) {
      const memberId = await newMemberId(system);
      const { openid } = await createFollower(system, { memberId });
      sim.addFollower({ openid });
      made.push({ memberId, openid });
    }
    await system.dataSource.getRepository(MemberTag).insert(made.map(({ memberId }) => ({ memberId, tagId: tag.id, source: 'manual' as const, assignedAt: new Date() })));
    return made;
  }
  const listSizes = (path: string) => sim.calls(path).map((call) => (call.body as { openid_list: string[] }).openid_list.length);
  const carries = (openid: string, wechatTagId: number | null) => sim.follower(openid)?.tagIds.includes(Number(wechatTagId)) ?? false;

  it('creates the WeChat tag and tags 120 followers in ceil(120/50) = 3 calls of at most 50, through the job; a second run calls nothing', async () => {
    const tag = await createTag(system, { mirrorToWechat: true });
    const fans = await followersWithTag(tag, 120);
    // Members without a reachable follower are not mirrored.
    const gone = await newMemberId(system);
    await createFollower(system, { memberId: gone });
    await system.dataSource.query('UPDATE oa_followers SET reachable = 0 WHERE member_id = ?', [gone]);
    await system.dataSource.getRepository(MemberTag).insert({ memberId: gone, tagId: tag.id, source: 'manual', assignedAt: new Date() });

    const worker = TaskWorker.start({ system, tasks: [tagMirrorTask] });
    const jobId = await scheduleTagMirror(system, tag.id);
    const result = (await (await system.queues.get(tagMirrorTask.queueName).getJob(jobId))!.finished()) as TagMirrorResult;
    await Promise.all(worker.processedQueues.map((queue) => queue.close()));

    const wechatTagId = (await system.dataSource.getRepository(Tag).findOneByOrFail({ id: tag.id })).wechatTagId;
    expect(result).toMatchObject({ wechatTagId, tagged: 120, untagged: 0, calls: 3 });
    expect(sim.calls('/cgi-bin/tags/create')).toHaveLength(1);
    expect(listSizes(BATCH_TAGGING)).toEqual([50, 50, 20]);
    expect(fans.every(({ openid }) => carries(openid, wechatTagId))).toBe(true);

    sim.clearCalls();
    expect(await tagMirror({ system, tagId: tag.id })).toMatchObject({ tagged: 0, untagged: 0, calls: 0 });
    expect(sim.calls(BATCH_TAGGING)).toHaveLength(0);
    expect(sim.calls('/cgi-bin/tags/create')).toHaveLength(0);
  });

  it('untags members who lost the tag, in batches of 50, and forgets followers who left without calling WeChat', async () => {
    const tag = await createTag(system, { mirrorToWechat: true });
    const fans = await followersWithTag(tag, 80);
    const first = await tagMirror({ system, tagId: tag.id });
    const lost = fans.slice(0, 60);
    await system.dataSource.query('DELETE FROM member_tags WHERE tag_id = ? AND member_id IN (?)', [tag.id, lost.map((fan) => fan.memberId)]);
    const left = fans[70]!;
    await system.dataSource.query('UPDATE oa_followers SET reachable = 0 WHERE openid = ?', [left.openid]);
    sim.clearCalls();

    expect(await tagMirror({ system, tagId: tag.id })).toMatchObject({ tagged: 0, untagged: 60 });
    expect(listSizes(BATCH_UNTAGGING)).toEqual([50, 10]);
    expect(lost.some(({ openid }) => carries(openid, first.wechatTagId))).toBe(false);
    expect(fans.slice(60).filter(({ openid }) => carries(openid, first.wechatTagId))).toHaveLength(20);
    expect(Number((await system.dataSource.query('SELECT COUNT(*) AS n FROM tag_wechat_members WHERE tag_id = ?', [tag.id]))[0].n)).toBe(19);
  });

  it('resumes after a failed batch without re-tagging the followers already done', async () => {
    const tag = await createTag(system, { mirrorToWechat: true });
    await followersWithTag(tag, 130);
    // The second call of the run fails with 45009 (daily quota): the job stops there.
    sim.addFault({ path: BATCH_TAGGING, errcode: 45009, rate: 0.5, count: 1 });
    await expect(tagMirror({ system, tagId: tag.id })).rejects.toBeInstanceOf(WechatApiError);
    expect(Number((await system.dataSource.query('SELECT COUNT(*) AS n FROM tag_wechat_members WHERE tag_id = ?', [tag.id]))[0].n)).toBe(50);
    sim.clearCalls();
    expect(await tagMirror({ system, tagId: tag.id })).toMatchObject({ tagged: 80, calls: 2 });
    expect(listSizes(BATCH_TAGGING)).toEqual([50, 30]);
  });

  it('adopts an existing WeChat tag of the same name (45157) and tags the rest of a batch one by one when a follower spoils it', async () => {
    const tag = await createTag(system, { mirrorToWechat: true });
    const fans = await followersWithTag(tag, 4);
    const made = await system.wechat.oa.tags.create(tag.name);
    // Unfollowed on WeChat, still reachable in our records: WeChat answers 40003 for the whole batch.
    sim.follower(fans[2]!.openid)!.subscribed = false;
    const result = await tagMirror({ system, tagId: tag.id });
    expect(result).toMatchObject({ wechatTagId: made.id, tagged: 3, refused: 1, calls: 5 });
    expect(fans.filter(({ openid }) => carries(openid, made.id))).toHaveLength(3);
    const [follower] = await system.dataSource.query('SELECT reachable FROM oa_followers WHERE openid = ?', [fans[2]!.openid]);
    expect(Number(follower.reachable)).toBe(0);
  });
});
