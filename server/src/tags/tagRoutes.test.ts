import type { ApiErrorBody, MemberTagListDto, SegmentDto, TagDto, TagListDto, TagMirrorDto } from '@toyclub/shared';
import { AuditEntry } from '../audit/AuditEntry';
import { Campaign } from '../campaigns/Campaign';
import type { System } from '../system/System';
import { createTestSystem } from '../testing/createTestSystem';
import { createCampaignFixture } from '../testing/factories/createCampaignFixture';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { startTestServer } from '../testing/startTestServer';
import type { TestServer } from '../testing/startTestServer';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import type { WechatSimulator } from '../wechatSimulator/startWechatSimulator';
import { MemberTag } from './MemberTag';
import { Tag } from './Tag';
import { tagMirrorTask } from './TagMirrorTask';
import { newMemberId } from '../testing/tagTestSupport';

describe('/api/admin/tags and members’ manual tags', () => {
  let sim: WechatSimulator;
  let system: System;
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof staffClient>>;
  let sequence = 0;
  const uniqueName = (prefix = '标签') => `${prefix}${Date.now() % 100_000}${(sequence += 1)}`;

  beforeAll(async () => {
    sim = await startTestWechatSimulator();
    system = await createTestSystem({ wechat: { apiBase: sim.url, oa: { ...TEST_WECHAT_APPS.oa }, mp: { ...TEST_WECHAT_APPS.mp } } });
    server = await startTestServer(system);
    owner = await staffClient(server.baseUrl, (await createStaff(system, { role: 'owner' })).username);
  });
  afterAll(async () => {
    await server.close(1000);
    await system.close();
    await sim.close();
  });

  it('creates, lists, edits and deletes tags; a manager may, a clerk may not', async () => {
    const rule = { all: [{ kind: 'categoryPurchases', category: 'puzzles', minPurchases: 2, withinDays: 60 }] };
    const created = await owner.post<TagDto>('/api/admin/tags', { name: uniqueName('拼图迷'), kind: 'dynamic', rule });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'dynamic', rule, mirrorToWechat: false, wechatTagId: null, memberCount: 0 });
    // The new rule is evaluated over every member by a job.
    const evaluation = await system.queues.get('tags').getJob(`tags-evaluate:${created.body.id}:${new Date(created.body.updatedAt).getTime()}`);
    expect(evaluation?.data).toMatchObject({ tagId: created.body.id });

    const list = await owner.get<TagListDto>('/api/admin/tags');
    expect(list.body.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(['母婴潜在客户', '价格敏感', created.body.name]));

    const renamed = await owner.patch<TagDto>(`/api/admin/tags/${created.body.id}`, { name: uniqueName('拼图达人') });
    expect(renamed.status).toBe(200);
    expect(renamed.body.rule).toEqual(rule);

    const manager = await staffClient(server.baseUrl, (await createStaff(system, { role: 'manager' })).username);
    expect((await manager.get('/api/admin/tags')).status).toBe(200);
    const clerk = await staffClient(server.baseUrl, (await createStaff(system, { role: 'clerk' })).username);
    expect((await clerk.post<ApiErrorBody>('/api/admin/tags', { name: uniqueName(), kind: 'manual' })).status).toBe(403);

    expect((await owner.delete(`/api/admin/tags/${created.body.id}`)).status).toBe(204);
    expect(await system.dataSource.getRepository(Tag).countBy({ id: created.body.id })).toBe(0);
    expect((await owner.delete<ApiErrorBody>(`/api/admin/tags/${created.body.id}`)).body.error).toBe('tag_not_found');
  });

  it('refuses bad input with stable codes and Chinese messages, changing nothing', async () => {
    const before = await system.dataSource.getRepository(Tag).count();
    const name = uniqueName();
    await owner.post('/api/admin/tags', { name, kind: 'manual' });
    const cases: Array<[unknown, number, string]> = [
      [{ name, kind: 'manual' }, 409, 'tag_name_taken'],
      [{ name: '十一个汉字的标签名字太长', kind: 'manual' }, 400, 'validation_failed'],
      [{ name: uniqueName(), kind: 'dynamic' }, 400, 'validation_failed'],
      [{ name: uniqueName(), kind: 'manual', rule: { all: [{ kind: 'purchaseCount', min: 1 }] } }, 400, 'validation_failed'],
      [{ name: uniqueName(), kind: 'dynamic', rule: { all: [{ kind: 'categoryPurchases', category: 'spaceships', minPurchases: 3, withinDays: 90 }] } }, 400, 'validation_failed'],
      [{ name: uniqueName(), kind: 'dynamic', rule: { all: [{ kind: 'spend', minFen: 500, maxFen: 100 }] } }, 400, 'validation_failed'],
    ];
    for (const [body, status, error] of cases) {
      const answer = await owner.post<ApiErrorBody>('/api/admin/tags', body);
      expect({ status: answer.status, error: answer.body.error }).toEqual({ status, error });
      expect(answer.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const tooLong = await owner.post<ApiErrorBody & { details: Record<string, string> }>('/api/admin/tags', { name: '十一个汉字的标签名字太长', kind: 'manual' });
    expect(tooLong.body.details['body.name']).toContain('30 字节');
    const manual = (await owner.get<TagListDto>('/api/admin/tags')).body.tags.find((tag) => tag.name === name)!;
    const ruleOnManual = await owner.patch<ApiErrorBody>(`/api/admin/tags/${manual.id}`, { rule: { all: [{ kind: 'purchaseCount', min: 1 }] } });
    expect(ruleOnManual.body.error).toBe('manual_tag_has_no_rule');
    expect((await owner.patch<ApiErrorBody>(`/api/admin/tags/${manual.id}`, {})).body.error).toBe('validation_failed');
    expect(await system.dataSource.getRepository(Tag).count()).toBe(before + 1);
  });

  it('puts manual tags on members and takes them off, audited; rule rows cannot be removed by hand', async () => {
    const staff = await createStaff(system, { role: 'manager' });
    const client = await staffClient(server.baseUrl, staff.username);
    const tag = (await client.post<TagDto>('/api/admin/tags', { name: uniqueName('VIP'), kind: 'manual' })).body;
    const memberId = await newMemberId(system);

    const added = await client.post<MemberTagListDto>(`/api/admin/members/${memberId}/tags`, { tagId: tag.id });
    expect(added.status).toBe(200);
    expect(added.body.tags).toEqual([expect.objectContaining({ tagId: tag.id, name: tag.name, source: 'manual' })]);
    expect((await client.post(`/api/admin/members/${memberId}/tags`, { tagId: tag.id })).status).toBe(200);
    expect((await client.get<MemberTagListDto>(`/api/admin/members/${memberId}/tags`)).body.tags).toHaveLength(1);

    const removed = await client.delete<MemberTagListDto>(`/api/admin/members/${memberId}/tags/${tag.id}`);
    expect(removed.body.tags).toEqual([]);
    const audit = await system.dataSource.getRepository(AuditEntry).find({ where: { memberId, staffId: staff.id }, order: { id: 'ASC' } });
    expect(audit.map((entry) => [entry.action, entry.detail])).toEqual([
      ['member.tag_add', tag.name],
      ['member.tag_add', tag.name],
      ['member.tag_remove', tag.name],
    ]);

    const dynamic = await system.dataSource.getRepository(Tag).findOneByOrFail({ name: '价格敏感' });
    await system.dataSource.getRepository(MemberTag).insert({ memberId, tagId: dynamic.id, source: 'rule', assignedAt: new Date() });
    expect((await client.delete<ApiErrorBody>(`/api/admin/members/${memberId}/tags/${dynamic.id}`)).body.error).toBe('tag_assigned_by_rule');
    expect((await client.delete<ApiErrorBody>(`/api/admin/members/${memberId}/tags/${tag.id}`)).body.error).toBe('member_tag_not_found');
    expect((await client.post<ApiErrorBody>('/api/admin/members/999999999/tags', { tagId: tag.id })).body.error).toBe('member_not_found');
    expect((await client.post<ApiErrorBody>(`/api/admin/members/${memberId}/tags`, { tagId: '999999999' })).body.error).toBe('tag_not_found');
  });

  it('turns mirroring on and queues a mirror job on demand; renames and deletes the WeChat tag with the tag', async () => {
    const tag = (await owner.post<TagDto>('/api/admin/tags', { name: uniqueName('镜像'), kind: 'manual' })).body;
    const mirror = await owner.post<TagMirrorDto>(`/api/admin/tags/${tag.id}/mirror`);
    expect(mirror.status).toBe(202);
    expect(mirror.body).toEqual({ tagId: tag.id, jobId: `tags-mirror:${tag.id}` });
    expect(await system.queues.get(tagMirrorTask.queueName).getJob(mirror.body.jobId)).not.toBeNull();
    expect((await system.dataSource.getRepository(Tag).findOneByOrFail({ id: tag.id })).mirrorToWechat).toBe(true);

    const made = await system.wechat.oa.tags.create(tag.name);
    await system.dataSource.getRepository(Tag).update({ id: tag.id }, { wechatTagId: made.id });
    const newName = uniqueName('新镜像');
    expect((await owner.patch(`/api/admin/tags/${tag.id}`, { name: newName })).status).toBe(200);
    expect((await system.wechat.oa.tags.list()).find((candidate) => candidate.id === made.id)?.name).toBe(newName);
    expect((await owner.delete(`/api/admin/tags/${tag.id}`)).status).toBe(204);
    expect((await system.wechat.oa.tags.list()).some((candidate) => candidate.id === made.id)).toBe(false);
  });

  it('refuses to delete a tag a saved segment or an unfinished campaign uses, changing nothing', async () => {
    const tag = (await owner.post<TagDto>('/api/admin/tags', { name: uniqueName('在用'), kind: 'manual' })).body;
    const made = await system.wechat.oa.tags.create(tag.name);
    await system.dataSource.getRepository(Tag).update({ id: tag.id }, { wechatTagId: made.id, mirrorToWechat: true });
    const memberId = await newMemberId(system);
    await owner.post(`/api/admin/members/${memberId}/tags`, { tagId: tag.id });
    const refusal = async (): Promise<ApiErrorBody & { status: number }> => {
      const answer = await owner.delete<ApiErrorBody>(`/api/admin/tags/${tag.id}`);
      return { ...answer.body, status: answer.status };
    };
    const unchanged = async (): Promise<void> => {
      expect(await system.dataSource.getRepository(Tag).countBy({ id: tag.id, wechatTagId: made.id })).toBe(1);
      expect(await system.dataSource.getRepository(MemberTag).countBy({ tagId: tag.id, memberId })).toBe(1);
      expect((await system.wechat.oa.tags.list()).some((candidate) => candidate.id === made.id)).toBe(true);
    };

    // A rule deep in a nested group counts too.
    const segmentName = uniqueName('在用分群');
    const definition = { op: 'and', rules: [{ kind: 'spend', window: 'total', minFen: 100 }, { op: 'or', rules: [{ kind: 'tag', tagIds: [Number(tag.id)] }] }] };
    const segment = (await owner.post<SegmentDto>('/api/admin/segments', { name: segmentName, definition })).body;
    expect(await refusal()).toMatchObject({ status: 409, error: 'tag_in_use', message: expect.stringContaining(`分群「${segmentName}」正在使用该标签`) });
    await unchanged();

    // A campaign still walks its segment after the segment is deleted.
    const campaign = await createCampaignFixture(system, { state: 'scheduled' });
    await system.dataSource.getRepository(Campaign).update({ id: campaign.campaign.id }, { segmentId: segment.id });
    expect((await owner.delete(`/api/admin/segments/${segment.id}`)).status).toBe(204);
    const bySegment = await refusal();
    expect(bySegment).toMatchObject({ status: 409, error: 'tag_in_use' });
    expect(bySegment.message).toContain(`活动「${campaign.campaign.name}」`);
    expect(bySegment.message).not.toContain('分群「');
    await campaign.setState('completed');

    // A mass send to the tag's WeChat fans.
    const mass = await createCampaignFixture(system, { state: 'paused' });
    await system.dataSource.getRepository(Campaign).update({ id: mass.campaign.id }, { channel: 'mass_tag', content: { purpose: 'marketing', tagId: tag.id, variants: [{ text: '新品到店' }] } });
    expect(await refusal()).toMatchObject({ status: 409, error: 'tag_in_use', message: expect.stringContaining(`活动「${mass.campaign.name}」正在使用该标签`) });
    await unchanged();

    await mass.setState('cancelled');
    expect((await owner.delete(`/api/admin/tags/${tag.id}`)).status).toBe(204);
    expect(await system.dataSource.getRepository(Tag).countBy({ id: tag.id })).toBe(0);
  });
});
