import { randomBytes } from 'node:crypto';
import type { CampaignInput, CampaignTemplateListDto } from '@toyclub/shared';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { startCampaignHarness } from './testing/campaignHarness';
import type { CampaignHarness } from './testing/campaignHarness';
import { DAY_MS } from '../time/dayMs';

type Refusal = { error: string; message: string };

describe('campaign channels follow WeChat rules', () => {
  let h: CampaignHarness;
  let segmentId: string;
  let members: Array<{ id: number; openid: string | null }>;

  beforeAll(async () => {
    h = await startCampaignHarness();
    ({ segmentId, members } = await h.audience(4));
  });
  afterAll(async () => {
    await h.close();
  });

  const template = (overrides: Partial<CampaignInput> = {}): CampaignInput => ({
    name: '活动提醒',
    segmentId,
    channel: 'template',
    content: { purpose: 'service', templateId: 'TPL_EVENT_REMINDER', variants: [{ fields: { thing1: '拼装课', time2: '周六 14:00', thing3: '旗舰店' } }] },
    schedule: { kind: 'now' },
    ...overrides,
  });
  const campaignCount = async (): Promise<number> => {
    const [row] = (await h.system.dataSource.query('SELECT COUNT(*) AS n FROM campaigns')) as Array<{ n: string }>;
    return Number(row!.n);
  };
  const refused = async (input: CampaignInput, error: string, message: RegExp): Promise<void> => {
    const before = await campaignCount();
    const response = await h.owner.post<Refusal>('/api/admin/campaigns', input);
    expect(response.status).toBe(422);
    expect(response.body.error).toBe(error);
    expect(response.body.message).toMatch(message);
    expect(await campaignCount()).toBe(before);
  };
  const mirroredTag = async (wechatTagId: number | null): Promise<string> => {
    const result = (await h.system.dataSource.query("INSERT INTO tags (name, kind, wechat_tag_id, mirror_to_wechat) VALUES (?, 'manual', ?, ?)", [
      `标签${randomBytes(4).toString('hex')}`,
      wechatTagId,
      wechatTagId === null ? 0 : 1,
    ])) as { insertId: number };
    return String(result.insertId);
  };

  it('refuses marketing content and unapproved or badly filled templates, with the reason', async () => {
    await refused(template({ content: { ...template().content, purpose: 'marketing' } }), 'marketing_by_template', /只能用于服务通知/);
    await refused(template({ content: { ...template().content, templateId: 'TPL_UNKNOWN' } }), 'template_not_configured', /审核通过/);
    await refused(template({ content: { ...template().content, variants: [{ fields: { thing1: '拼装课', time2: '周六' } }] } }), 'template_field_missing', /活动地点/);
    await refused(
      template({ content: { ...template().content, variants: [{ fields: { thing1: '一'.repeat(21), time2: '周六', thing3: '旗舰店' } }] } }),
      'template_field_too_long',
      /不能超过20个字/,
    );
    const templates = await h.owner.get<CampaignTemplateListDto>('/api/admin/campaigns/templates');
    expect(templates.body.templates.find((t) => t.id === 'TPL_EVENT_REMINDER')?.fields.map((f) => f.label)).toEqual(['活动名称', '活动时间', '活动地点']);
    const accepted = await h.owner.post<{ state: string }>('/api/admin/campaigns', template());
    expect(accepted.status).toBe(201);
    expect(accepted.body.state).toBe('draft');
  });

  it('sends subscribe notices only to members with a grant left', async () => {
    const subscribe = template({ channel: 'subscribe', content: { purpose: 'marketing', templateId: 'SUB_POLL_RESULT', variants: [{ fields: { thing1: '最想要的圣诞玩具', thing2: '乐高城市系列' } }] } });
    await refused(subscribe, 'no_subscribe_grants', /订阅授权/);
    const granted = members[0]!.openid!;
    // The follower accepts the popup: WeChat adds the grant and pushes subscribe_msg_popup_event to us.
    await h.sim.answerSubscribePopup({ openid: granted, templateId: 'SUB_POLL_RESULT', accept: true });
    await h.sim.answerSubscribePopup({ openid: members[1]!.openid!, templateId: 'SUB_POLL_RESULT', accept: false });
    const grants = (await h.system.dataSource.query('SELECT openid, remaining FROM oa_subscribe_grants WHERE template_id = ? AND openid IN (?)', [
      'SUB_POLL_RESULT',
      members.map((member) => member.openid),
    ])) as Array<{ openid: string; remaining: number }>;
    expect(grants).toEqual([{ openid: granted, remaining: 1 }]);
    const id = await h.launch(subscribe);
    const done = await h.waitFor(id, (d) => d.state === 'completed', 'completion');
    expect(done.counts.sent).toBe(1);
    expect(done.skippedByReason).toEqual({ no_subscribe_grant: 3 });
    expect(h.sim.inbox(granted).filter((entry) => entry.kind === 'subscribe')).toHaveLength(1);
    const [grant] = (await h.system.dataSource.query('SELECT remaining FROM oa_subscribe_grants WHERE openid = ?', [granted])) as Array<{ remaining: number }>;
    expect(grant!.remaining).toBe(0);
  });

  it('mass-sends only to a tag mirrored to WeChat, without holdout', async () => {
    const massInput = (tagId: string, extra: Partial<CampaignInput> = {}): CampaignInput =>
      template({ channel: 'mass_tag', content: { purpose: 'marketing', tagId, variants: [{ text: '圣诞玩具节：全场满300减50' }] }, ...extra });
    await refused(massInput(await mirroredTag(null)), 'tag_not_mirrored', /还没有同步到微信/);
    const simTag = h.sim.context.tags.create(`t${randomBytes(3).toString('hex')}`);
    const tagId = await mirroredTag(simTag.id);
    await refused(massInput(tagId, { holdoutPercent: 10 }), 'mass_no_holdout', /无法留出对照组/);
    for (const member of members) h.sim.follower(member.openid!)!.tagIds.push(simTag.id);
    const id = await h.launch(massInput(tagId));
    const done = await h.waitFor(id, (d) => d.state === 'completed', 'completion');
    expect(done.counts.sent).toBe(members.length);
    expect(h.sim.calls('/cgi-bin/message/mass/sendall')).toHaveLength(1);
  });

  it('sends custom-service messages only within 48 hours of the last interaction, and only now', async () => {
    const text = { purpose: 'marketing' as const, variants: [{ text: '您咨询的乐高城市警察局已到货' }] };
    const silent = await h.audience(2);
    await refused(template({ segmentId: silent.segmentId, channel: 'custom_service', content: text }), 'custom_window_closed', /48小时/);
    const recent = await h.audience(3, { lastInteractionAt: new Date(Date.now() - 3_600_000) });
    await refused(
      template({ segmentId: recent.segmentId, channel: 'custom_service', content: text, schedule: { kind: 'at', at: new Date(Date.now() + DAY_MS).toISOString() } }),
      'custom_service_now_only',
      /立即发送/,
    );
    const id = await h.launch(template({ segmentId: recent.segmentId, channel: 'custom_service', content: text }));
    const done = await h.waitFor(id, (d) => d.state === 'completed', 'completion');
    expect(done.counts.sent).toBe(3);
    for (const member of recent.members) expect(h.sim.inbox(member.openid!).filter((entry) => entry.kind === 'custom')).toHaveLength(1);
  });

  it('lets only owners and managers compose campaigns', async () => {
    const clerk = await createStaff(h.system, { role: 'clerk' });
    const client = await staffClient(h.server.baseUrl, clerk.username);
    const response = await client.post<Refusal>('/api/admin/campaigns', template());
    expect(response.status).toBe(403);
  });
});
