import { callWechatApi } from '../testing/callWechatApi';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import type { WechatSimulator } from './startWechatSimulator';

const { oa, mp } = TEST_WECHAT_APPS;
const RID = / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

describe('WeChat simulator: access tokens', () => {
  let sim: WechatSimulator;

  beforeAll(async () => {
    // A frozen base clock: only advanceClock moves time, so expires_in values are exact.
    const frozen = Date.UTC(2026, 10, 22, 2, 0, 0);
    sim = await startTestWechatSimulator({ now: () => frozen });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  const getToken = async (appId: string = oa.appId, secret: string = oa.appSecret) =>
    (await callWechatApi(sim.url, '/cgi-bin/token', { query: { grant_type: 'client_credential', appid: appId, secret } })).json ?? {};
  const stableToken = async (forceRefresh = false, appId: string = oa.appId, secret: string = oa.appSecret) =>
    (await callWechatApi(sim.url, '/cgi-bin/stable_token', {
      body: { grant_type: 'client_credential', appid: appId, secret, force_refresh: forceRefresh },
    })).json ?? {};
  /** The errcode an API call with `token` gets (quota/get accepts both apps' tokens). */
  const useToken = async (token: unknown): Promise<unknown> => {
    const result = await callWechatApi(sim.url, '/cgi-bin/openapi/quota/get', {
      query: { access_token: String(token) },
      body: { cgi_path: '/cgi-bin/message/template/send' },
    });
    return result.json?.errcode;
  };

  it('issues a token for 7200 s and refuses a bad appid (40013) or secret (40125) WeChat-style', async () => {
    const token = await getToken();
    expect(token).toEqual({ access_token: expect.stringMatching(/^[\w-]{64,}$/), expires_in: 7200 });
    const badAppId = await callWechatApi(sim.url, '/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: 'wxnope', secret: oa.appSecret },
    });
    expect(badAppId.status).toBe(200);
    expect(badAppId.contentType).toBe('application/json; encoding=utf-8');
    expect(badAppId.json).toEqual({ errcode: 40013, errmsg: expect.stringMatching(RID) });
    expect((await getToken(oa.appId, 'wrong')).errcode).toBe(40125);
    expect(await useToken(token.access_token)).toBe(0);
  });

  it('keeps the replaced token working for 5 minutes only, then answers 40001', async () => {
    const first = (await getToken()).access_token;
    const second = (await getToken()).access_token;
    expect(second).not.toBe(first);
    expect(await useToken(first)).toBe(0);
    sim.advanceClock(299_000);
    expect(await useToken(first)).toBe(0);
    sim.advanceClock(1_000);
    expect(await useToken(first)).toBe(40001);
    expect(await useToken(second)).toBe(0);
  });

  it('kills a token older than the previous one at once', async () => {
    const first = (await getToken()).access_token;
    await getToken();
    await getToken();
    expect(await useToken(first)).toBe(40001);
  });

  it('answers 42001 once a token has expired, and for tokens expired through the control API', async () => {
    const token = (await getToken()).access_token;
    sim.advanceClock(7_200_000);
    expect(await useToken(token)).toBe(42001);
    const fresh = (await getToken()).access_token;
    expect(sim.expireTokens(oa.appId, 'token')).toBeGreaterThan(0);
    expect(await useToken(fresh)).toBe(42001);
    expect(await useToken('72_never-issued-but-well-formed-token')).toBe(40001);
    expect(await useToken('garbage')).toBe(40014);
  });

  it('keeps /cgi-bin/token and /cgi-bin/stable_token in isolated slots', async () => {
    const stable = await stableToken();
    expect(stable.expires_in).toBe(7200);
    const plain = (await getToken()).access_token;
    await getToken();
    await getToken();
    // Rotating the plain slot three times leaves the stable token alone.
    expect(await useToken(stable.access_token)).toBe(0);
    expect((await stableToken()).access_token).toBe(stable.access_token);
    expect(await useToken(plain)).toBe(40001);
  });

  it('returns the same stable token until its last 5 minutes, then a new one while the old still works', async () => {
    const first = await stableToken();
    sim.advanceClock(1_000_000);
    const again = await stableToken();
    expect(again).toEqual({ access_token: first.access_token, expires_in: 6200 });
    sim.advanceClock((6200 - 299) * 1000);
    const rotated = await stableToken();
    expect(rotated.access_token).not.toBe(first.access_token);
    expect(rotated.expires_in).toBe(7200);
    expect(await useToken(first.access_token)).toBe(0);
    sim.advanceClock(299_000);
    expect(await useToken(first.access_token)).toBe(42001);
  });

  it('force_refresh kills the old stable token at once, not more often than every 30 s', async () => {
    const first = (await stableToken()).access_token;
    const forced = (await stableToken(true)).access_token;
    expect(forced).not.toBe(first);
    expect(await useToken(first)).toBe(40001);
    expect((await stableToken(true)).access_token).toBe(forced);
    sim.advanceClock(30_000);
    expect((await stableToken(true)).access_token).not.toBe(forced);
  });

  it('gives the mini-program its own tokens, refused by official-account APIs (48001)', async () => {
    const mpToken = (await getToken(mp.appId, mp.appSecret)).access_token;
    const oaToken = (await getToken()).access_token;
    expect(await useToken(mpToken)).toBe(0);
    expect(await useToken(oaToken)).toBe(0);
    const send = await callWechatApi(sim.url, '/cgi-bin/message/template/send', {
      query: { access_token: String(mpToken) },
      body: { touser: 'o1', template_id: 't' },
    });
    expect(send.json?.errcode).toBe(48001);
  });

  it('refuses stable_token by GET (43002) and a non-JSON body (47001)', async () => {
    const get = await callWechatApi(sim.url, '/cgi-bin/stable_token', { query: { appid: oa.appId } });
    expect(get.json?.errcode).toBe(43002);
    const form = await callWechatApi(sim.url, '/cgi-bin/stable_token', { body: 'appid=x', contentType: 'application/x-www-form-urlencoded' });
    expect(form.json?.errcode).toBe(47001);
  });
});
