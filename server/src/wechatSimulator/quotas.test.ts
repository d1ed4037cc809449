import { callWechatApi } from '../testing/callWechatApi';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import type { WechatSimulator } from './startWechatSimulator';

const { oa } = TEST_WECHAT_APPS;
const USER_GET = '/cgi-bin/user/get';

describe('WeChat simulator: quotas', () => {
  let sim: WechatSimulator;
  let token: string;

  beforeAll(async () => {
    const frozen = Date.UTC(2026, 10, 22, 2, 0, 0);
    sim = await startTestWechatSimulator({ now: () => frozen, quotas: { [USER_GET]: { daily: 3 } } });
  });
  afterAll(() => sim.close());
  const fetchToken = async (): Promise<void> => {
    const answer = await callWechatApi(sim.url, '/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: oa.appId, secret: oa.appSecret },
    });
    token = String(answer.json?.access_token);
  };
  beforeEach(async () => {
    sim.reset();
    await fetchToken();
  });

  const userGet = async () => (await callWechatApi(sim.url, USER_GET, { query: { access_token: token } })).json ?? {};
  const quotaGet = async (cgiPath: string) =>
    (await callWechatApi(sim.url, '/cgi-bin/openapi/quota/get', { query: { access_token: token }, body: { cgi_path: cgiPath } })).json ?? {};

  it('answers 45009 past the daily quota, until the next China day', async () => {
    for (let i = 0; i < 3; i += 1) expect((await userGet()).errcode).toBeUndefined();
    expect(await userGet()).toMatchObject({ errcode: 45009, errmsg: expect.stringMatching(/^reach max api daily quota limit rid: /) });
    sim.advanceClock(24 * 3600 * 1000);
    await fetchToken();
    expect((await userGet()).errcode).toBeUndefined();
  });

  it('answers 45011 past the per-minute limit, until the next minute', async () => {
    sim.setQuota(USER_GET, { daily: 100, perMinute: 2 });
    await userGet();
    await userGet();
    expect((await userGet()).errcode).toBe(45011);
    sim.advanceClock(60_000);
    expect((await userGet()).errcode).toBeUndefined();
    sim.setQuota(USER_GET, { daily: 3 });
  });

  it('reports usage through quota/get and resets it with clear_quota', async () => {
    await userGet();
    await userGet();
    expect(await quotaGet(USER_GET)).toEqual({ errcode: 0, errmsg: 'ok', quota: { daily_limit: 3, used: 2, remain: 1 } });
    const sendAll = await quotaGet('/cgi-bin/message/mass/sendall');
    expect(sendAll).toMatchObject({ quota: { daily_limit: 100, used: 0 }, rate_limit: { call_count: 60, refresh_second: 60 } });
    expect((await quotaGet('/cgi-bin/nothing')).errcode).toBe(76021);
    const clear = await callWechatApi(sim.url, '/cgi-bin/clear_quota', { query: { access_token: token }, body: { appid: oa.appId } });
    expect(clear.json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await quotaGet(USER_GET)).quota).toEqual({ daily_limit: 3, used: 0, remain: 3 });
  });

  it('allows 10 clear_quota calls a month (48006 after)', async () => {
    const clear = async () =>
      (await callWechatApi(sim.url, '/cgi-bin/clear_quota', { query: { access_token: token }, body: { appid: oa.appId } })).json?.errcode;
    for (let i = 0; i < 10; i += 1) expect(await clear()).toBe(0);
    expect(await clear()).toBe(48006);
  });

  it('counts the token endpoint against its 2000-a-day quota', async () => {
    const usage = sim.context.quotas.usage(oa.appId, '/cgi-bin/token');
    expect(usage).toMatchObject({ dailyLimit: 2000, used: 1 });
  });
});
