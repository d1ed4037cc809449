import { callWechatApi } from '../testing/callWechatApi';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import type { WechatSimulator } from './startWechatSimulator';

const { oa } = TEST_WECHAT_APPS;

async function control(sim: WechatSimulator, method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('WeChat simulator: control API', () => {
  let sim: WechatSimulator;

  beforeAll(async () => {
    sim = await startTestWechatSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await sim.idle();
    sim.reset();
  });

  const fetchToken = () =>
    callWechatApi(sim.url, '/cgi-bin/token', { query: { grant_type: 'client_credential', appid: oa.appId, secret: oa.appSecret } });

  it('creates followers and login codes, and refuses bad bodies with 400', async () => {
    expect((await control(sim, 'POST', '/__sim/followers', { openid: 'o_x', unionid: 'u_x' })).status).toBe(201);
    expect(sim.follower('o_x')).toMatchObject({ unionid: 'u_x', subscribed: true });
    const code = await control(sim, 'POST', '/__sim/mp/login-code', { openid: 'mp_x' });
    expect(code.body.code).toMatch(/^[0-9a-f]{32}$/);
    const bad = await control(sim, 'POST', '/__sim/followers', { unionid: 'no-openid' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('bad_request');
    expect((await control(sim, 'POST', '/__sim/faults', { path: '/x' })).status).toBe(400);
    expect((await control(sim, 'GET', '/__sim/nope')).status).toBe(404);
  });

  it('logs every call with its body and answer, 64-bit ids as strings', async () => {
    await fetchToken();
    await callWechatApi(sim.url, '/cgi-bin/token', { query: { grant_type: 'client_credential', appid: 'bad', secret: 's' } });
    const { body } = await control(sim, 'GET', '/__sim/calls?path=/cgi-bin/token');
    const calls = body.calls as Array<{ query: Record<string, string>; answer: { kind: string; body: { errcode?: number } } }>;
    expect(calls).toHaveLength(2);
    expect(calls[1].query.appid).toBe('bad');
    expect(calls[1].answer.body.errcode).toBe(40013);
    await control(sim, 'DELETE', '/__sim/calls');
    expect(sim.calls()).toHaveLength(0);
  });

  it('injects errcodes for a number of calls, evenly by rate', async () => {
    await control(sim, 'POST', '/__sim/faults', { path: '/cgi-bin/token', errcode: -1, count: 2 });
    expect((await fetchToken()).json?.errcode).toBe(-1);
    expect((await fetchToken()).json).toMatchObject({ errcode: -1, errmsg: expect.stringMatching(/^system error rid: /) });
    expect((await fetchToken()).json?.access_token).toBeDefined();
    sim.addFault({ path: '/cgi-bin/token', errcode: 45009, rate: 0.5 });
    const codes = [];
    for (let i = 0; i < 4; i += 1) codes.push((await fetchToken()).json?.errcode ?? 0);
    expect(codes).toEqual([0, 45009, 0, 45009]);
  });

  it('drops the connection like a network failure, after doing the work when asked', async () => {
    sim.addFault({ path: '/cgi-bin/token', drop: true, processFirst: true, count: 1 });
    await expect(fetchToken()).rejects.toThrow();
    expect(sim.calls('/cgi-bin/token')[0].answer).toEqual({ kind: 'dropped' });
    // The token was issued although the client never saw it: the next fetch supersedes it.
    expect(sim.context.tokens.currentToken(oa.appId, 'token')).toBeDefined();
  });

  it('moves the clock and expires tokens through HTTP', async () => {
    const token = String((await fetchToken()).json?.access_token);
    expect((await control(sim, 'POST', '/__sim/tokens/expire', { appId: oa.appId })).body.affected).toBe(1);
    const quota = await callWechatApi(sim.url, '/cgi-bin/openapi/quota/get', { query: { access_token: token }, body: { cgi_path: '/cgi-bin/token' } });
    expect(quota.json?.errcode).toBe(42001);
    const before = sim.now();
    await control(sim, 'POST', '/__sim/clock/advance', { ms: 60_000 });
    expect(sim.now()).toBeGreaterThanOrEqual(before + 60_000);
  });
});

describe('WeChat simulator: runtime configuration and OA subscription popups', () => {
  let sim: WechatSimulator;

  beforeAll(async () => {
    sim = await startTestWechatSimulator();
  });
  afterAll(() => sim.close());

  it('changes settings through /__sim/config and refuses bad values', async () => {
    const changed = await control(sim, 'POST', '/__sim/config', { callbackUrl: 'http://127.0.0.1:9/wechat', pushMode: 'safe', limits: { massPerUserPerMonth: 8 } });
    expect(changed.body).toMatchObject({ callbackUrl: 'http://127.0.0.1:9/wechat', pushMode: 'safe', limits: { massPerUserPerMonth: 8 } });
    expect(sim.settings.pushMode).toBe('safe');
    expect((await control(sim, 'POST', '/__sim/config', { pushMode: 'loud' })).status).toBe(400);
    await control(sim, 'POST', '/__sim/config', { callbackUrl: null, pushMode: 'plain' });
    expect(sim.settings.callbackUrl).toBeUndefined();
  });

  it('turns an accepted popup into a bizsend grant and a subscribe_msg_popup_event push', async () => {
    sim.addFollower({ openid: 'o_pop' });
    const answer = await control(sim, 'POST', '/__sim/subscribe-popup', { openid: 'o_pop', templateId: 'TPL_NOTICE' });
    expect(answer.body).toEqual({ outcome: 'no_callback', remaining: 1 });
    const push = sim.pushes().find((p) => p.fields.Event === 'subscribe_msg_popup_event');
    expect(push?.xml).toContain('<SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString>');
  });

  it('describes itself at / for a quick curl', async () => {
    const response = await fetch(`${sim.url}/`);
    expect(await response.json()).toMatchObject({ oa: TEST_WECHAT_APPS.oa.appId, control: '/__sim' });
  });
});
