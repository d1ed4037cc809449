import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { isValidWechatSignature } from '../wechat/crypto';
import { callWechatApi } from '../testing/callWechatApi';
import { startCallbackReceiver } from '../testing/startCallbackReceiver';
import type { CallbackReceiver } from '../testing/startCallbackReceiver';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import type { WechatSimulator } from './startWechatSimulator';

const { oa, mp } = TEST_WECHAT_APPS;

describe('WeChat simulator: mini-program APIs', () => {
  let sim: WechatSimulator;
  let receiver: CallbackReceiver;
  let token: string;

  beforeAll(async () => {
    receiver = await startCallbackReceiver();
    sim = await startTestWechatSimulator({ callbackUrl: receiver.url, mp: { ...mp, pages: ['pages/card/index'] } });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  const fetchToken = async (): Promise<void> => {
    const answer = await callWechatApi(sim.url, '/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: mp.appId, secret: mp.appSecret },
    });
    token = String(answer.json?.access_token);
  };
  beforeEach(async () => {
    await sim.idle();
    sim.reset();
    await fetchToken();
  });

  const code2Session = async (code: string, appId: string = mp.appId) =>
    (await callWechatApi(sim.url, '/sns/jscode2session', {
      query: { appid: appId, secret: mp.appSecret, js_code: code, grant_type: 'authorization_code' },
    })).json ?? {};
  const post = (path: string, body: unknown) => callWechatApi(sim.url, path, { query: { access_token: token }, body });

  it('redeems a login code once: openid, session_key, unionid; 40163 when reused, 40029 when unknown', async () => {
    const code = sim.createLoginCode('mp_alice', 'union_alice');
    const session = await code2Session(code);
    expect(session).toEqual({ session_key: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/), openid: 'mp_alice', unionid: 'union_alice' });
    expect((await code2Session(code)).errcode).toBe(40163);
    expect((await code2Session('0'.repeat(32))).errcode).toBe(40029);
    expect((await code2Session(sim.createLoginCode('mp_alice'), oa.appId)).errcode).toBe(40013);
    // A second login rotates the session key and, without a unionid, answers none.
    const again = await code2Session(sim.createLoginCode('mp_bob'));
    expect(again).toEqual({ session_key: expect.any(String), openid: 'mp_bob' });
  });

  it('expires login codes after 5 minutes', async () => {
    const code = sim.createLoginCode('mp_late');
    sim.advanceClock(300_000);
    expect((await code2Session(code)).errcode).toBe(40029);
  });

  it('turns a phone code into phone_info once (40029 after), and refuses a form body (47001)', async () => {
    const code = sim.createPhoneCode('mp_alice', '13800138000');
    const first = await post('/wxa/business/getuserphonenumber', { code });
    expect(first.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
        watermark: { timestamp: expect.any(Number), appid: mp.appId },
      },
    });
    expect((await post('/wxa/business/getuserphonenumber', { code })).json?.errcode).toBe(40029);
    const form = await callWechatApi(sim.url, '/wxa/business/getuserphonenumber', {
      query: { access_token: token },
      body: `code=${sim.createPhoneCode('mp_alice', '13800138000')}`,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.json?.errcode).toBe(47001);
  });

  it('draws a real QR image that decodes back to the scene', async () => {
    const scene = 'm=42&s=store-7';
    const result = await post('/wxa/getwxacodeunlimit', { scene, page: 'pages/card/index', width: 300 });
    expect(result.contentType).toBe('image/png');
    const png = PNG.sync.read(result.bytes);
    expect(png.width).toBeGreaterThanOrEqual(280);
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(scene);
  });

  it('answers JSON 40169 for a bad scene and 41030 for a bad or unpublished page', async () => {
    const tooLong = await post('/wxa/getwxacodeunlimit', { scene: 'x'.repeat(33) });
    expect(tooLong.contentType).toBe('application/json; encoding=utf-8');
    expect(tooLong.json?.errcode).toBe(40169);
    expect((await post('/wxa/getwxacodeunlimit', { scene: 'a%20b' })).json?.errcode).toBe(40169);
    expect((await post('/wxa/getwxacodeunlimit', { scene: 'ok', page: '/pages/card/index' })).json?.errcode).toBe(41030);
    expect((await post('/wxa/getwxacodeunlimit', { scene: 'ok', page: 'pages/unpublished' })).json?.errcode).toBe(41030);
    const unchecked = await post('/wxa/getwxacodeunlimit', { scene: 'ok', page: 'pages/unpublished', check_path: false });
    expect(unchecked.contentType).toBe('image/png');
  });

  it('flags risky and review words in msg_sec_check v2, for recently active users only', async () => {
    await code2Session(sim.createLoginCode('mp_writer'));
    const check = async (content: string) =>
      (await post('/wxa/msg_sec_check', { version: 2, openid: 'mp_writer', scene: 2, content })).json ?? {};
    expect(await check('我想给孩子买乐高')).toMatchObject({ errcode: 0, result: { suggest: 'pass', label: 100 } });
    const risky = await check('这里可以赌博');
    expect(risky).toMatchObject({ errcode: 0, trace_id: expect.any(String), result: { suggest: 'risky', label: 20006 } });
    expect(risky.detail).toContainEqual(expect.objectContaining({ strategy: 'keyword', keyword: '赌博', suggest: 'risky' }));
    expect(await check('加微信领券')).toMatchObject({ result: { suggest: 'review' } });
    sim.settings.riskyWords.set('奥特曼盗版', 20013);
    expect(await check('出售奥特曼盗版')).toMatchObject({ result: { suggest: 'risky', label: 20013 } });
    expect((await post('/wxa/msg_sec_check', { version: 2, openid: 'mp_writer', scene: 9, content: 'x' })).json?.errcode).toBe(40129);
    expect((await post('/wxa/msg_sec_check', { version: 2, openid: 'mp_nobody', scene: 1, content: 'x' })).json?.errcode).toBe(40003);
    sim.advanceClock(7_201_000);
    await fetchToken();
    expect((await check('hello')).errcode).toBe(61010);
  });

  it('answers media_check_async with a trace_id and pushes wxa_media_check later', async () => {
    await code2Session(sim.createLoginCode('mp_uploader'));
    const result = await post('/wxa/media_check_async', {
      media_url: 'https://cdn.example.com/risky.jpg',
      media_type: 2,
      version: 2,
      openid: 'mp_uploader',
      scene: 1,
    });
    const traceId = result.json?.trace_id;
    expect(result.json).toMatchObject({ errcode: 0, trace_id: expect.any(String) });
    const push = await sim.waitForPush((p) => p.fields.Event === 'wxa_media_check');
    expect(push.fields).toMatchObject({ trace_id: traceId, appid: mp.appId, FromUserName: 'mp_uploader' });
    expect(push.fields.result).toContain('<suggest><![CDATA[risky]]></suggest>');
    const request = receiver.received.find((r) => r.body.includes('wxa_media_check'));
    expect(request && isValidWechatSignature(request.query.signature, oa.token, request.query.timestamp, request.query.nonce)).toBe(true);
  });
});
