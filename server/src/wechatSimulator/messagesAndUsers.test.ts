import { callWechatApi } from '../testing/callWechatApi';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import type { WechatSimulator } from './startWechatSimulator';

const { oa, mp } = TEST_WECHAT_APPS;

describe('WeChat simulator: customer service, subscription messages, followers, menu', () => {
  let sim: WechatSimulator;
  let oaToken: string;
  let mpToken: string;

  beforeAll(async () => {
    const frozen = Date.UTC(2026, 10, 22, 2, 0, 0);
    sim = await startTestWechatSimulator({ now: () => frozen, limits: { userListPageSize: 2 } });
  });
  afterAll(() => sim.close());

  const tokenOf = async (appId: string, secret: string) =>
    String((await callWechatApi(sim.url, '/cgi-bin/token', { query: { grant_type: 'client_credential', appid: appId, secret } })).json?.access_token);
  beforeEach(async () => {
    await sim.idle();
    sim.reset();
    oaToken = await tokenOf(oa.appId, oa.appSecret);
    mpToken = await tokenOf(mp.appId, mp.appSecret);
  });

  const post = async (path: string, body: unknown, token = oaToken) =>
    (await callWechatApi(sim.url, path, { query: { access_token: token }, body })).json ?? {};
  const get = async (path: string, query: Record<string, string> = {}) =>
    (await callWechatApi(sim.url, path, { query: { access_token: oaToken, ...query } })).json ?? {};
  const custom = (touser: string) => post('/cgi-bin/message/custom/send', { touser, msgtype: 'text', text: { content: '您好' } });

  it('allows customer-service messages within 48 hours of the last interaction only (45015)', async () => {
    sim.addFollower({ openid: 'o_cs' });
    expect(await custom('o_cs')).toEqual({ errcode: 0, errmsg: 'ok' });
    sim.advanceClock(48 * 3600 * 1000 + 1000);
    oaToken = await tokenOf(oa.appId, oa.appSecret);
    expect((await custom('o_cs')).errcode).toBe(45015);
    sim.addFollower({ openid: 'o_old', lastInteractionAt: null });
    expect((await custom('o_old')).errcode).toBe(45015);
    expect((await custom('o_unknown')).errcode).toBe(40003);
  });

  it('accepts a mini-program card with title, appid, pagepath and thumb_media_id, and refuses one missing a field (47001)', async () => {
    sim.addFollower({ openid: 'o_card' });
    const card = { title: '积分规则', appid: mp.appId, pagepath: 'pages/card/index?tab=points', thumb_media_id: 'THUMB_1' };
    expect(await post('/cgi-bin/message/custom/send', { touser: 'o_card', msgtype: 'miniprogrampage', miniprogrampage: card })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(sim.inbox('o_card').map((message) => message.payload)).toEqual([{ touser: 'o_card', msgtype: 'miniprogrampage', miniprogrampage: card }]);
    for (const field of ['title', 'appid', 'pagepath', 'thumb_media_id'] as const) {
      const { [field]: _dropped, ...partial } = card;
      expect((await post('/cgi-bin/message/custom/send', { touser: 'o_card', msgtype: 'miniprogrampage', miniprogrampage: partial })).errcode).toBe(47001);
    }
  });

  it('caps customer-service messages at 20 per interaction (45047)', async () => {
    sim.addFollower({ openid: 'o_chatty' });
    for (let i = 0; i < 20; i += 1) expect((await custom('o_chatty')).errcode).toBe(0);
    expect((await custom('o_chatty')).errcode).toBe(45047);
    await sim.push({ openid: 'o_chatty', msgType: 'text', content: 'hi' });
    expect((await custom('o_chatty')).errcode).toBe(0);
  });

  it('sends one subscription message per grant (43101 after) and checks field lengths (47003)', async () => {
    sim.createLoginCode('mp_sub');
    const body = { touser: 'mp_sub', template_id: 'TPL_ARRIVAL', data: { thing1: { value: '乐高机械组到货' } }, miniprogram_state: 'formal' };
    expect((await post('/cgi-bin/message/subscribe/send', body, mpToken)).errcode).toBe(43101);
    sim.grantSubscription('mp', 'mp_sub', 'TPL_ARRIVAL');
    const sent = await post('/cgi-bin/message/subscribe/send', body, mpToken);
    expect(sent).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.stringMatching(/^\d+$/) });
    expect((await post('/cgi-bin/message/subscribe/send', body, mpToken)).errcode).toBe(43101);
    sim.grantSubscription('mp', 'mp_sub', 'TPL_ARRIVAL');
    const long = await post('/cgi-bin/message/subscribe/send', { ...body, data: { thing1: { value: 'x'.repeat(21) } } }, mpToken);
    expect(long).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.thing1.value') });
  });

  it('sends OA subscription notices (bizsend) per grant, without msgid', async () => {
    sim.addFollower({ openid: 'o_biz' });
    const body = { touser: 'o_biz', template_id: 'TPL_BIZ', page: 'pages/card/index', data: { thing2: { value: '会员日' } } };
    expect((await post('/cgi-bin/message/subscribe/bizsend', body)).errcode).toBe(43101);
    expect(sim.grantSubscription('oa', 'o_biz', 'TPL_BIZ', 2)).toBe(2);
    expect(await post('/cgi-bin/message/subscribe/bizsend', body)).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it('pages user/get by next_openid; the empty last page has no data', async () => {
    for (const openid of ['o_a', 'o_b', 'o_c', 'o_d']) sim.addFollower({ openid });
    sim.addFollower({ openid: 'o_left', subscribed: false });
    const first = await get('/cgi-bin/user/get');
    expect(first).toEqual({ total: 4, count: 2, data: { openid: ['o_a', 'o_b'] }, next_openid: 'o_b' });
    const second = await get('/cgi-bin/user/get', { next_openid: 'o_b' });
    expect(second).toEqual({ total: 4, count: 2, data: { openid: ['o_c', 'o_d'] }, next_openid: '' });
    const batch = await post('/cgi-bin/user/info/batchget', { user_list: [{ openid: 'o_a' }, { openid: 'o_left' }] });
    expect(batch.user_info_list).toEqual([expect.objectContaining({ subscribe: 1, openid: 'o_a' }), { subscribe: 0, openid: 'o_left', tagid_list: [] }]);
    expect((await get('/cgi-bin/user/info', { openid: 'o_nobody' })).errcode).toBe(40003);
    sim.reset();
    oaToken = await tokenOf(oa.appId, oa.appSecret);
    expect(await get('/cgi-bin/user/get')).toEqual({ total: 0, count: 0, next_openid: '' });
  });

  it('includes unionid in user/info when the follower has one', async () => {
    sim.addFollower({ openid: 'o_union', unionid: 'u_1' });
    expect(await get('/cgi-bin/user/info', { openid: 'o_union', lang: 'zh_CN' })).toMatchObject({ subscribe: 1, unionid: 'u_1', language: 'zh_CN' });
  });

  it('stores a valid menu and refuses bad ones', async () => {
    expect((await get('/cgi-bin/menu/get')).errcode).toBe(46003);
    const button = [{ type: 'click', name: '我的积分', key: 'MY_POINTS' }, { name: '会员', sub_button: [{ type: 'view', name: '会员卡', url: 'https://toyclub.example/h5/' }] }];
    expect(await post('/cgi-bin/menu/create', { button })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await get('/cgi-bin/menu/get')).toEqual({ menu: { button } });
    expect((await post('/cgi-bin/menu/create', { button: [...button, ...button] })).errcode).toBe(40016);
    expect((await post('/cgi-bin/menu/create', { button: [{ type: 'click', name: '积分' }] })).errcode).toBe(40019);
  });

  it('serves the QR image of a ticket without a token, and refuses bad scene ids', async () => {
    const created = await post('/cgi-bin/qrcode/create', { action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 7 } } });
    expect(created.expire_seconds).toBeUndefined();
    const image = await callWechatApi(sim.url, '/cgi-bin/showqrcode', { query: { ticket: String(created.ticket) } });
    expect(image.contentType).toBe('image/png');
    expect(image.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect((await post('/cgi-bin/qrcode/create', { action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 100_001 } } })).errcode).toBe(40097);
    const temporary = await post('/cgi-bin/qrcode/create', { action_name: 'QR_SCENE', action_info: { scene: { scene_id: 123 } } });
    expect(temporary.expire_seconds).toBe(60);
  });
});
