import type { ApiErrorBody, MemberMeDto, MemberSessionDto } from '@toyclub/shared';
import { createTestSystem } from '../testing/createTestSystem';
import { startTestServer } from '../testing/startTestServer';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /__sim/mp/login-code on our own origin (the H5 sign-in against the simulator)', () => {
  it('forwards to the simulator, and the code signs the member in once', async () => {
    const sim = await startTestWechatSimulator();
    const system = await createTestSystem({ wechat: { apiBase: sim.url, oa: { ...TEST_WECHAT_APPS.oa }, mp: { ...TEST_WECHAT_APPS.mp } } });
    const server = await startTestServer(system);
    try {
      const openid = `o-h5-${Date.now()}`;
      const issued = await postJson(`${server.baseUrl}/__sim/mp/login-code`, { openid });
      expect(issued.status).toBe(200);
      const { code } = (await issued.json()) as { code: string };
      const session = await postJson(`${server.baseUrl}/api/mp/session`, { code });
      expect(session.status).toBe(200);
      expect(((await session.json()) as MemberSessionDto).token).toBeTruthy();

      const bad = await postJson(`${server.baseUrl}/__sim/mp/login-code`, { openid: 'x y' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ApiErrorBody).error).toBe('validation_failed');
    } finally {
      await server.close(1000);
      await system.close();
      await sim.close();
    }
  });

  it('does not exist when real WeChat is configured', async () => {
    const system = await createTestSystem({ wechat: { useSimulator: false } });
    const server = await startTestServer(system);
    try {
      const response = await postJson(`${server.baseUrl}/__sim/mp/login-code`, { openid: 'o-anyone-123' });
      expect(response.status).toBe(404);
      expect(((await response.json()) as ApiErrorBody).error).toBe('route_not_found');
    } finally {
      await server.close(1000);
      await system.close();
    }
  });
});

describe('POST /__sim/mp/phone-code on our own origin (the H5 phone button against the simulator)', () => {
  it('forwards to the simulator, and the code binds the number once, shown masked', async () => {
    const sim = await startTestWechatSimulator();
    const system = await createTestSystem({ wechat: { apiBase: sim.url, oa: { ...TEST_WECHAT_APPS.oa }, mp: { ...TEST_WECHAT_APPS.mp } } });
    const server = await startTestServer(system);
    try {
      const openid = `o-h5-phone-${Date.now()}`;
      const login = (await (await postJson(`${server.baseUrl}/__sim/mp/login-code`, { openid })).json()) as { code: string };
      const session = (await (await postJson(`${server.baseUrl}/api/mp/session`, { code: login.code })).json()) as MemberSessionDto;
      const bind = (code: string) =>
        fetch(`${server.baseUrl}/api/mp/me/phone`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
          body: JSON.stringify({ code }),
        });
      await fetch(`${server.baseUrl}/api/mp/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify({ policyVersion: system.config.membership.privacyPolicyVersion }),
      });

      const issued = await postJson(`${server.baseUrl}/__sim/mp/phone-code`, { openid, phoneNumber: '13812345678' });
      expect(issued.status).toBe(200);
      const { code } = (await issued.json()) as { code: string };
      const bound = await bind(code);
      expect(bound.status).toBe(200);
      expect(((await bound.json()) as MemberMeDto).maskedPhone).toBe('138****5678');
      expect((await bind(code)).status).toBe(400);

      const bad = await postJson(`${server.baseUrl}/__sim/mp/phone-code`, { openid, phoneNumber: '138-1234' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ApiErrorBody).error).toBe('validation_failed');
    } finally {
      await server.close(1000);
      await system.close();
      await sim.close();
    }
  });

  it('does not exist when real WeChat is configured', async () => {
    const system = await createTestSystem({ wechat: { useSimulator: false } });
    const server = await startTestServer(system);
    try {
      const response = await postJson(`${server.baseUrl}/__sim/mp/phone-code`, { openid: 'o-anyone-123', phoneNumber: '13812345678' });
      expect(response.status).toBe(404);
      expect(((await response.json()) as ApiErrorBody).error).toBe('route_not_found');
    } finally {
      await server.close(1000);
      await system.close();
    }
  });
});
