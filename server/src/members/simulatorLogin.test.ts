import type { ApiErrorBody, MemberMeDto, MemberSessionDto } from '@toyclub/shared';
import type { System } from '../system/System';
import { createTestSystem } from '../testing/createTestSystem';
import { memberClient } from '../testing/factories/memberClient';
import { startTestServer } from '../testing/startTestServer';
import type { TestServer } from '../testing/startTestServer';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import type { WechatSimulator } from '../wechatSimulator/startWechatSimulator';

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the simulator routes on our own origin (H5 sign-in and phone button against the simulator)', () => {
  let sim: WechatSimulator;
  let system: System;
  let server: TestServer;

  beforeAll(async () => {
    sim = await startTestWechatSimulator();
    system = await createTestSystem({ wechat: { apiBase: sim.url, oa: { ...TEST_WECHAT_APPS.oa }, mp: { ...TEST_WECHAT_APPS.mp } } });
    server = await startTestServer(system);
  });

  afterAll(async () => {
    await server.close(1000);
    await system.close();
    await sim.close();
  });

  /** Signs a simulated WeChat user in through the H5 path and returns their session. */
  async function signIn(openid: string): Promise<MemberSessionDto> {
    const issued = await postJson(`${server.baseUrl}/__sim/mp/login-code`, { openid });
    expect(issued.status).toBe(200);
    const { code } = (await issued.json()) as { code: string };
    const session = await postJson(`${server.baseUrl}/api/mp/session`, { code });
    expect(session.status).toBe(200);
    return (await session.json()) as MemberSessionDto;
  }

  it('POST /__sim/mp/login-code forwards to the simulator, and the code signs the member in once', async () => {
    expect((await signIn(`o-h5-${Date.now()}`)).token).toBeTruthy();

    const bad = await postJson(`${server.baseUrl}/__sim/mp/login-code`, { openid: 'x y' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiErrorBody).error).toBe('validation_failed');
  });

  it('POST /__sim/mp/phone-code forwards to the simulator, and the code binds the number once, shown masked', async () => {
    const openid = `o-h5-phone-${Date.now()}`;
    const member = memberClient(server.baseUrl, (await signIn(openid)).token);
    await member.post('/api/mp/consent', { policyVersion: system.config.membership.privacyPolicyVersion });

    const issued = await postJson(`${server.baseUrl}/__sim/mp/phone-code`, { openid, phoneNumber: '13812345678' });
    expect(issued.status).toBe(200);
    const { code } = (await issued.json()) as { code: string };
    const bound = await member.post<MemberMeDto>('/api/mp/me/phone', { code });
    expect(bound.status).toBe(200);
    expect(bound.body.maskedPhone).toBe('138****5678');
    expect((await member.post('/api/mp/me/phone', { code })).status).toBe(400);

    const bad = await postJson(`${server.baseUrl}/__sim/mp/phone-code`, { openid, phoneNumber: '138-1234' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiErrorBody).error).toBe('validation_failed');
  });
});

describe('the simulator routes when real WeChat is configured', () => {
  it('do not exist: /__sim/mp/login-code and /__sim/mp/phone-code answer 404', async () => {
    const system = await createTestSystem({ wechat: { useSimulator: false } });
    const server = await startTestServer(system);
    try {
      for (const [path, body] of [
        ['/__sim/mp/login-code', { openid: 'o-anyone-123' }],
        ['/__sim/mp/phone-code', { openid: 'o-anyone-123', phoneNumber: '13812345678' }],
      ] as const) {
        const response = await postJson(`${server.baseUrl}${path}`, body);
        expect(response.status).toBe(404);
        expect(((await response.json()) as ApiErrorBody).error).toBe('route_not_found');
      }
    } finally {
      await server.close(1000);
      await system.close();
    }
  });
});
