import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { TEST_WECHAT_APPS } from '../../testing/startTestWechatSimulator';
import type { GatewayHarness } from '../../testing/startGatewayHarness';
import { startGatewayHarness } from '../../testing/startGatewayHarness';
import type { WechatApiError } from './WechatApiError';

const WXACODE = '/wxa/getwxacodeunlimit';

/** Decodes a PNG QR code back to its text. */
function decodeQr(image: Buffer): string | null {
  const png = PNG.sync.read(image);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('WeChat gateway, mini-program calls against the simulator', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness();
  });
  afterAll(() => harness.close());

  beforeEach(async () => {
    harness.sim.reset();
    await harness.forgetTokens();
  });

  const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as WechatApiError);

  /** A user who just logged in (msg_sec_check wants recent activity). */
  async function loggedIn(openid: string, unionid?: string) {
    return harness.gateway.mp.code2Session(harness.sim.createLoginCode(openid, unionid));
  }

  it('exchanges a wx.login code for openid, session key and unionid; a reused code is rejectInput', async () => {
    const code = harness.sim.createLoginCode('o-mp-1', 'u-1');
    const session = await harness.gateway.mp.code2Session(code);
    expect(session).toEqual({ openid: 'o-mp-1', sessionKey: expect.any(String), unionid: 'u-1' });
    expect(await failure(harness.gateway.mp.code2Session(code))).toMatchObject({ errcode: 40163, action: 'rejectInput' });
    expect(await failure(harness.gateway.mp.code2Session('never-issued'))).toMatchObject({ errcode: 40029, action: 'rejectInput' });
  });

  it('reads a verified phone number with the mini-program’s token, not the official account’s', async () => {
    await loggedIn('o-mp-2');
    const code = harness.sim.createPhoneCode('o-mp-2', '13800138000');
    expect(await harness.gateway.mp.getPhoneNumber(code)).toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    });
    const tokenFetch = harness.sim.calls('/cgi-bin/stable_token').map((call) => (call.body as { appid: string }).appid);
    expect(tokenFetch).toEqual([TEST_WECHAT_APPS.mp.appId]);
  });

  it('returns the mini-program code as an image that decodes back to its scene', async () => {
    const scene = 'm=42&s=store-7';
    const { contentType, image } = await harness.gateway.mp.getUnlimitedQrCode({ scene, page: 'pages/card/index', width: 430 });
    expect(contentType).toMatch(/^image\//);
    expect(decodeQr(image)).toBe(scene);
  });

  it('maps a JSON answer to the wxacode call to its errcode and action', async () => {
    const badPage = await failure(harness.gateway.mp.getUnlimitedQrCode({ scene: 'a=1', page: '/pages/card/index' }));
    expect(badPage).toMatchObject({ errcode: 41030, action: 'rejectInput', app: 'mp', path: WXACODE });
    harness.sim.addFault({ path: WXACODE, errcode: 45009, count: 1 });
    expect(await failure(harness.gateway.mp.getUnlimitedQrCode({ scene: 'a=1' }))).toMatchObject({ errcode: 45009, action: 'pauseUntilTomorrow' });
  });

  it('refuses an invalid scene before spending a call on it', async () => {
    await expect(harness.gateway.mp.getUnlimitedQrCode({ scene: 'has space' })).rejects.toThrow(RangeError);
    expect(harness.sim.calls(WXACODE)).toHaveLength(0);
  });

  it('checks text with msg_sec_check v2: pass, and risky with its numeric label', async () => {
    await loggedIn('o-mp-3');
    const clean = await harness.gateway.mp.checkText({ openid: 'o-mp-3', scene: 2, content: '这个乐高很好玩' });
    expect(clean).toMatchObject({ suggest: 'pass', label: 100, traceId: expect.any(String) });
    const risky = await harness.gateway.mp.checkText({ openid: 'o-mp-3', scene: 2, content: '来赌博吧' });
    expect(risky).toMatchObject({ suggest: 'risky', label: 20006 });
    expect(harness.sim.calls('/wxa/msg_sec_check')[0].body).toMatchObject({ version: 2, openid: 'o-mp-3', scene: 2 });
  });

  it('queues an asynchronous media check and returns its trace id', async () => {
    await loggedIn('o-mp-4');
    const { traceId } = await harness.gateway.mp.checkMediaAsync({
      openid: 'o-mp-4',
      scene: 1,
      mediaUrl: 'https://cdn.example.com/avatar.png',
      mediaType: 'image',
    });
    expect(traceId).toEqual(expect.any(String));
    expect(harness.sim.calls('/wxa/media_check_async')[0].body).toMatchObject({ media_type: 2, version: 2 });
  });

  it('sends a subscribe message against a grant, then needs re-authorisation (43101)', async () => {
    await loggedIn('o-mp-5');
    harness.sim.grantSubscription('mp', 'o-mp-5', 'tpl-birthday', 1);
    const message = { openid: 'o-mp-5', templateId: 'tpl-birthday', data: { thing1: '生日礼物已到账' }, page: 'pages/card/index' };
    const { msgId } = await harness.gateway.mp.sendSubscribeMessage(message);
    expect(BigInt(msgId ?? '0')).toBeGreaterThan(2n ** 53n);
    expect(await failure(harness.gateway.mp.sendSubscribeMessage(message))).toMatchObject({ errcode: 43101, action: 'reauthorise' });
  });

  it('reads the mini-program’s own quota', async () => {
    await harness.gateway.mp.getUnlimitedQrCode({ scene: 'q=1' });
    const quota = await harness.gateway.mp.quota(WXACODE);
    expect(quota.rateLimit).toEqual({ callCount: 5000, refreshSecond: 60 });
  });
});
