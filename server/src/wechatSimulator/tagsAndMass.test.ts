import { callWechatApi } from '../testing/callWechatApi';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import type { WechatSimulator } from './startWechatSimulator';

const { oa } = TEST_WECHAT_APPS;

describe('WeChat simulator: tags and mass send', () => {
  let sim: WechatSimulator;
  let token: string;

  beforeAll(async () => {
    // Mid-month in China, frozen: the 4-per-month window is deterministic.
    const frozen = Date.UTC(2026, 10, 15, 2, 0, 0);
    sim = await startTestWechatSimulator({ now: () => frozen, firstTagId: 100 });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await sim.idle();
    sim.reset();
    const answer = await callWechatApi(sim.url, '/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: oa.appId, secret: oa.appSecret },
    });
    token = String(answer.json?.access_token);
  });

  const post = async (path: string, body: unknown) =>
    (await callWechatApi(sim.url, path, { query: { access_token: token }, body })).json ?? {};
  const createTag = async (name: string) => post('/cgi-bin/tags/create', { tag: { name } });

  it('creates tags with ids from 100 and refuses duplicates (45157), long names (45158) and the 101st (45056)', async () => {
    expect(await createTag('金卡会员')).toEqual({ tag: { id: 100, name: '金卡会员' } });
    expect((await createTag('金卡会员')).errcode).toBe(45157);
    expect((await createTag('很长的名字很长的名字很长的名字')).errcode).toBe(45158);
    for (let i = 1; i < 100; i += 1) await createTag(`tag-${i}`);
    expect(await createTag('one-too-many')).toMatchObject({ errcode: 45056, errmsg: expect.stringContaining('rid: ') });
    const tags = (await callWechatApi(sim.url, '/cgi-bin/tags/get', { query: { access_token: token } })).json?.tags as unknown[];
    expect(tags).toHaveLength(101);
    expect((await post('/cgi-bin/tags/delete', { tag: { id: 2 } })).errcode).toBe(45058);
  });

  it('tags at most 50 openids per call (40032) and 20 tags per user (45059), all or nothing', async () => {
    const openids = Array.from({ length: 51 }, (_, i) => `o_fan${i}`);
    openids.forEach((openid) => sim.addFollower({ openid }));
    const first = Number(((await createTag('t0')).tag as { id: number }).id);
    expect((await post('/cgi-bin/tags/members/batchtagging', { openid_list: openids, tagid: first })).errcode).toBe(40032);
    expect((await post('/cgi-bin/tags/members/batchtagging', { openid_list: [], tagid: first })).errcode).toBe(40032);
    expect(await post('/cgi-bin/tags/members/batchtagging', { openid_list: openids.slice(0, 50), tagid: first })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await post('/cgi-bin/tags/members/batchtagging', { openid_list: ['o_nobody'], tagid: first })).errcode).toBe(40003);
    expect((await post('/cgi-bin/tags/members/batchtagging', { openid_list: ['o_fan0'], tagid: 999 })).errcode).toBe(45159);

    for (let i = 1; i < 20; i += 1) {
      const id = ((await createTag(`t${i}`)).tag as { id: number }).id;
      expect((await post('/cgi-bin/tags/members/batchtagging', { openid_list: ['o_fan0'], tagid: id })).errcode).toBe(0);
    }
    const extra = ((await createTag('t20')).tag as { id: number }).id;
    expect((await post('/cgi-bin/tags/members/batchtagging', { openid_list: ['o_fan1', 'o_fan0'], tagid: extra })).errcode).toBe(45059);
    expect(sim.follower('o_fan1')?.tagIds).toEqual([first]);
    expect((await post('/cgi-bin/tags/getidlist', { openid: 'o_fan0' })).tagid_list).toHaveLength(20);
    const fans = await post('/cgi-bin/user/tag/get', { tagid: first, next_openid: '' });
    expect(fans).toMatchObject({ count: 50, next_openid: '' });
  });

  it('delivers at most 4 mass messages per user per month, and pushes MASSSENDJOBFINISH', async () => {
    sim.addFollower({ openid: 'o_m1' });
    sim.addFollower({ openid: 'o_m2' });
    sim.addFollower({ openid: 'o_other' });
    const tagId = ((await createTag('mass')).tag as { id: number }).id;
    await post('/cgi-bin/tags/members/batchtagging', { openid_list: ['o_m1', 'o_m2'], tagid: tagId });
    sim.follower('o_m2')!.massByMonth['2026-11'] = 3;
    const send = () => post('/cgi-bin/message/mass/sendall', { filter: { is_to_all: false, tag_id: tagId }, msgtype: 'text', text: { content: '周末特卖' } });

    const first = await send();
    expect(first).toMatchObject({ errcode: 0, errmsg: 'send job submission success', msg_id: expect.any(Number), msg_data_id: expect.any(Number) });
    const finish = await sim.waitForPush((p) => p.fields.Event === 'MASSSENDJOBFINISH' && p.fields.MsgID === String(first.msg_id));
    expect(finish.fields).toMatchObject({ Status: 'send success', TotalCount: '2', FilterCount: '2', SentCount: '2', ErrorCount: '0' });

    const second = await send();
    const secondFinish = await sim.waitForPush((p) => p.fields.MsgID === String(second.msg_id));
    expect(secondFinish.fields).toMatchObject({ TotalCount: '2', FilterCount: '1', SentCount: '1' });
    expect(sim.inbox('o_m2').filter((m) => m.kind === 'mass')).toHaveLength(1);
    expect(sim.inbox('o_m1').filter((m) => m.kind === 'mass')).toHaveLength(2);
    expect(sim.inbox('o_other')).toHaveLength(0);
    expect(sim.follower('o_m2')?.massByMonth['2026-11']).toBe(4);

    // A new China month gives everyone 4 more.
    sim.advanceClock(20 * 24 * 3600 * 1000);
    sim.follower('o_m1')!.massByMonth['2026-11'] = 4;
    await callWechatApi(sim.url, '/cgi-bin/token', { query: { grant_type: 'client_credential', appid: oa.appId, secret: oa.appSecret } }).then((r) => {
      token = String(r.json?.access_token);
    });
    const december = await send();
    const decemberFinish = await sim.waitForPush((p) => p.fields.MsgID === String(december.msg_id));
    expect(decemberFinish.fields.SentCount).toBe('2');
  });

  it('dedups clientmsgid for 24 hours: 45066 within a minute, then 45065 with the first msg_id', async () => {
    sim.addFollower({ openid: 'o_d1' });
    const body = { filter: { is_to_all: true }, msgtype: 'text', text: { content: 'hi' }, clientmsgid: 'promo-2026-11-15' };
    const first = await post('/cgi-bin/message/mass/sendall', body);
    expect((await post('/cgi-bin/message/mass/sendall', body)).errcode).toBe(45066);
    sim.advanceClock(61_000);
    expect(await post('/cgi-bin/message/mass/sendall', body)).toMatchObject({ errcode: 45065, msg_id: first.msg_id });
    expect(sim.inbox('o_d1')).toHaveLength(1);
    expect((await post('/cgi-bin/message/mass/sendall', { ...body, clientmsgid: 'x'.repeat(65) })).errcode).toBe(45067);
  });

  it('needs a draft media_id for mpnews and two or more openids for mass/send', async () => {
    sim.addFollower({ openid: 'o_n1' });
    sim.addFollower({ openid: 'o_n2' });
    expect((await post('/cgi-bin/message/mass/sendall', { filter: { is_to_all: true }, msgtype: 'mpnews', mpnews: { media_id: 'nope' } })).errcode).toBe(40007);
    const draft = await post('/cgi-bin/draft/add', { articles: [{ title: '新品', content: '<p>乐高</p>', thumb_media_id: 'x' }] });
    const sent = await post('/cgi-bin/message/mass/sendall', { filter: { is_to_all: true }, msgtype: 'mpnews', mpnews: { media_id: draft.media_id }, send_ignore_reprint: 0 });
    expect(sent.errcode).toBe(0);
    expect((await post('/cgi-bin/message/mass/send', { touser: ['o_n1'], msgtype: 'text', text: { content: 'x' } })).errcode).toBe(40130);
    expect((await post('/cgi-bin/message/mass/send', { touser: ['o_n1', 'o_n2'], msgtype: 'text', text: { content: 'x' } })).errcode).toBe(0);
    expect(await post('/cgi-bin/message/mass/get', { msg_id: sent.msg_id })).toEqual({ msg_id: sent.msg_id, msg_status: 'SEND_SUCCESS' });
  });
});
