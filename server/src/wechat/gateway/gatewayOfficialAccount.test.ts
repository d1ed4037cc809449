import type { GatewayHarness } from '../../testing/startGatewayHarness';
import { startGatewayHarness } from '../../testing/startGatewayHarness';
import type { WechatApiError } from './WechatApiError';

describe('WeChat gateway, official-account calls against the simulator', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness();
  });
  afterAll(() => harness.close());

  beforeEach(async () => {
    harness.sim.reset();
    await harness.forgetTokens();
    for (const openid of ['o-a', 'o-b', 'o-c']) harness.sim.addFollower({ openid, unionid: `u-${openid}`, lastInteractionAt: harness.sim.now() });
  });

  const oa = () => harness.gateway.oa;
  const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as WechatApiError);
  const lastBody = (path: string) => harness.sim.calls(path).at(-1)?.body;

  it('sends a template with mini-program target and client_msg_id in the body wechat-api built', async () => {
    await oa().sendTemplate({
      openid: 'o-a',
      templateId: 'tpl-points',
      data: { thing1: '积分到账', amount2: '100' },
      url: 'https://toyclub.example/h5/',
      miniProgram: { appId: 'wxmp', pagePath: 'pages/card/index' },
      clientMsgId: 'campaign-9-o-a',
    });
    expect(lastBody('/cgi-bin/message/template/send')).toEqual({
      touser: 'o-a',
      template_id: 'tpl-points',
      url: 'https://toyclub.example/h5/',
      miniprogram: { appid: 'wxmp', pagepath: 'pages/card/index' },
      data: { thing1: { value: '积分到账' }, amount2: { value: '100' } },
      client_msg_id: 'campaign-9-o-a',
    });
  });

  it('manages tags and their members', async () => {
    const tag = await oa().tags.create('VIP');
    expect(await failure(oa().tags.create('VIP'))).toMatchObject({ errcode: 45157, action: 'rejectInput' });
    await oa().tags.tagMembers(tag.id, ['o-a', 'o-b']);
    expect((await oa().tags.members(tag.id)).openids.sort()).toEqual(['o-a', 'o-b']);
    expect(await oa().tags.tagsOf('o-a')).toContain(tag.id);
    await oa().tags.rename(tag.id, 'VIP会员');
    expect((await oa().tags.list()).find((item) => item.id === tag.id)).toMatchObject({ name: 'VIP会员', count: 2 });
    await oa().tags.untagMembers(tag.id, ['o-b']);
    expect((await oa().tags.members(tag.id)).openids).toEqual(['o-a']);
    await oa().tags.remove(tag.id);
    expect((await oa().tags.list()).some((item) => item.id === tag.id)).toBe(false);
    await expect(oa().tags.tagMembers(1, [])).rejects.toThrow(RangeError);
  });

  it('lists followers and reads their info', async () => {
    harness.sim.addFollower({ openid: 'o-left', subscribed: false });
    const page = await oa().listFollowers();
    expect(page.openids.sort()).toEqual(['o-a', 'o-b', 'o-c']);
    expect(page.total).toBe(3);
    expect(await oa().getUser('o-a')).toMatchObject({ openid: 'o-a', subscribed: true, unionid: 'u-o-a' });
    expect(await oa().getUser('o-left')).toMatchObject({ openid: 'o-left', subscribed: false });
    const batch = await oa().batchGetUsers(['o-b', 'o-c']);
    expect(batch.map((user) => user.openid)).toEqual(['o-b', 'o-c']);
  });

  it('creates temporary and permanent parametric QR codes', async () => {
    const temporary = await oa().createQrCode({ scene: 'store-7', expireSeconds: 600 });
    expect(temporary).toMatchObject({ ticket: expect.any(String), expireSeconds: 600 });
    expect(temporary.imageUrl).toBe(`${harness.sim.url}/cgi-bin/showqrcode?ticket=${encodeURIComponent(temporary.ticket)}`);
    expect(lastBody('/cgi-bin/qrcode/create')).toMatchObject({ action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'store-7' } } });
    const permanent = await oa().createQrCode({ scene: 7, permanent: true });
    expect(permanent.expireSeconds).toBeNull();
    expect(lastBody('/cgi-bin/qrcode/create')).toMatchObject({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 7 } } });
    const image = await fetch(permanent.imageUrl);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
  });

  it('mass-sends a draft to a tag by tag_id; a repeated clientmsgid returns the first job', async () => {
    const tag = await oa().tags.create('新品');
    await oa().tags.tagMembers(tag.id, ['o-a', 'o-b']);
    const { mediaId } = await oa().addDraft([{ title: '新到乐高', content: '<p>欢迎到店</p>', thumbMediaId: 'thumb-1' }]);
    const send = { tagId: tag.id, content: { type: 'mpnews' as const, mediaId }, clientMsgId: 'mass-2025-11-new' };
    const job = await oa().massSendToTag(send);
    expect(job).toMatchObject({ msgId: expect.stringMatching(/^\d+$/), duplicate: false });
    expect(lastBody('/cgi-bin/message/mass/sendall')).toMatchObject({
      filter: { is_to_all: false, tag_id: tag.id },
      msgtype: 'mpnews',
      mpnews: { media_id: mediaId },
      clientmsgid: 'mass-2025-11-new',
    });
    expect(await failure(oa().massSendToTag(send))).toMatchObject({ errcode: 45066, action: 'slowDown' });
    harness.sim.advanceClock(61_000);
    expect(await oa().massSendToTag(send)).toEqual({ msgId: job.msgId, msgDataId: null, duplicate: true });
  });

  it('sends customer-service messages within the 48-hour window only', async () => {
    await oa().sendCustomText('o-a', '您预订的积木到店了');
    expect(lastBody('/cgi-bin/message/custom/send')).toEqual({ touser: 'o-a', msgtype: 'text', text: { content: '您预订的积木到店了' } });
    harness.sim.addFollower({ openid: 'o-quiet', lastInteractionAt: null });
    expect(await failure(oa().sendCustomText('o-quiet', 'hi'))).toMatchObject({ errcode: 45015, action: 'memberUnreachable' });
  });

  it('sends a mini-program card as a customer-service message', async () => {
    await oa().sendCustomMiniProgramCard('o-a', { title: '积分规则', appId: 'wxmp', pagePath: 'pages/card/index?tab=points', thumbMediaId: 'thumb-1' });
    expect(lastBody('/cgi-bin/message/custom/send')).toEqual({
      touser: 'o-a',
      msgtype: 'miniprogrampage',
      miniprogrampage: { title: '积分规则', appid: 'wxmp', pagepath: 'pages/card/index?tab=points', thumb_media_id: 'thumb-1' },
    });
    expect(await failure(oa().sendCustomMiniProgramCard('o-a', { title: '积分规则', appId: 'wxmp', pagePath: 'pages/card/index', thumbMediaId: '' }))).toMatchObject({ errcode: 47001 });
  });

  it('sends a subscription notice against a grant, then asks for re-authorisation', async () => {
    harness.sim.grantSubscription('oa', 'o-a', 'tpl-notice', 1);
    const notice = { openid: 'o-a', templateId: 'tpl-notice', data: { thing1: '会员日', number2: '3' } };
    await oa().sendSubscriptionNotice(notice);
    expect(await failure(oa().sendSubscriptionNotice(notice))).toMatchObject({ errcode: 43101, action: 'reauthorise' });
  });

  it('creates, reads and removes the custom menu', async () => {
    expect(await oa().menus.get()).toBeNull();
    await oa().menus.create({ button: [{ type: 'view', name: '会员卡', url: 'https://toyclub.example/h5/' }] });
    expect(await oa().menus.get()).toMatchObject({ menu: { button: [{ name: '会员卡' }] } });
    await oa().menus.remove();
    expect(await oa().menus.get()).toBeNull();
  });
});
