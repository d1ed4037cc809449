import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { ApiErrorBody, CheckInDto, MemberMeDto, MemberSessionDto } from '@toyclub/shared';
import type { System } from '../system/System';
import { createTestSystem } from '../testing/createTestSystem';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { memberClient } from '../testing/factories/memberClient';
import { startTestServer } from '../testing/startTestServer';
import type { TestServer } from '../testing/startTestServer';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import type { WechatSimulator } from '../wechatSimulator/startWechatSimulator';
import { Member } from './Member';
import { MemberSession } from './MemberSession';

describe('sign-in through WeChat, the phone number and the store code image', () => {
  let sim: WechatSimulator;
  let system: System;
  let server: TestServer;
  let sequence = 0;
  const openid = () => `o-member-${Date.now()}-${(sequence += 1)}`;

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

  const signIn = (code: string) =>
    fetch(`${server.baseUrl}/api/mp/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) }).then(
      async (response) => ({ status: response.status, body: (await response.json()) as MemberSessionDto & ApiErrorBody }),
    );

  it('exchanges a wx.login code for a bearer token, finds the same member next time, and refuses reused codes', async () => {
    const id = openid();
    const code = sim.createLoginCode(id, `u-${id}`);
    const first = await signIn(code);
    expect(first.status).toBe(200);
    expect(first.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(first.body.member).toMatchObject({ pointsBalance: 0, nickname: null, maskedPhone: null, consent: { privacyAccepted: false } });
    expect(JSON.stringify(first.body)).not.toMatch(/session_?key|openid/i);
    const stored = await system.dataSource.getRepository(Member).findOneByOrFail({ id: first.body.member.id });
    expect(stored).toMatchObject({ openid: id, unionid: `u-${id}` });
    expect(await system.dataSource.getRepository(MemberSession).countBy({ tokenHash: first.body.token })).toBe(0);
    const again = await signIn(sim.createLoginCode(id));
    expect(again.body.member.id).toBe(first.body.member.id);
    expect(await signIn(code)).toMatchObject({ status: 400, body: { error: 'login_code_invalid' } });
    expect(await signIn('never-issued-code')).toMatchObject({ status: 400, body: { error: 'login_code_invalid' } });
    const client = memberClient(server.baseUrl, first.body.token);
    expect((await client.get<MemberMeDto>('/api/mp/me')).body.id).toBe(first.body.member.id);
    expect((await client.delete('/api/mp/session')).status).toBe(204);
    expect((await client.get<ApiErrorBody>('/api/mp/me')).body.error).toBe('session_expired');
  });

  it('creates one member for concurrent first sign-ins and refuses expired sessions', async () => {
    const id = openid();
    const answers = await Promise.all([1, 2, 3, 4].map(() => signIn(sim.createLoginCode(id))));
    expect(new Set(answers.map((answer) => answer.body.member.id)).size).toBe(1);
    await system.dataSource.getRepository(MemberSession).update({ memberId: answers[0]!.body.member.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await memberClient(server.baseUrl, answers[0]!.body.token).get<ApiErrorBody>('/api/mp/me')).status).toBe(401);
  });

  it('stores the phone number from the button code only after consent, and shows it masked', async () => {
    const id = openid();
    const { body } = await signIn(sim.createLoginCode(id));
    const client = memberClient(server.baseUrl, body.token);
    const early = await client.post<ApiErrorBody>('/api/mp/me/phone', { code: sim.createPhoneCode(id, '13800138000') });
    expect(early).toMatchObject({ status: 403, body: { error: 'consent_required' } });
    await client.post('/api/mp/consent', { policyVersion: system.config.membership.privacyPolicyVersion });
    const phoneCode = sim.createPhoneCode(id, '13800138000');
    const bound = await client.post<MemberMeDto>('/api/mp/me/phone', { code: phoneCode });
    expect(bound).toMatchObject({ status: 200, body: { maskedPhone: '138****8000' } });
    const stored = await system.dataSource.getRepository(Member).findOneByOrFail({ id: body.member.id });
    expect(stored.phoneLast4).toBe('8000');
    expect(JSON.stringify(stored)).not.toContain('13800138000');
    expect((await client.post<ApiErrorBody>('/api/mp/me/phone', { code: phoneCode })).body.error).toBe('phone_code_invalid');
  });

  it("serves the store's check-in mini-program code, which decodes to a scene a member can check in with", async () => {
    const { store } = await createStore(system);
    const owner = await staffClient(server.baseUrl, (await createStaff(system, { role: 'owner' })).username);
    const response = await fetch(`${server.baseUrl}/api/admin/stores/${store.id}/check-in-code.png`, { headers: { cookie: owner.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\//);
    const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    const scene = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? '';
    expect(scene.length).toBeLessThanOrEqual(32);
    const { body } = await signIn(sim.createLoginCode(openid()));
    const checkIn = await memberClient(server.baseUrl, body.token).post<CheckInDto>('/api/mp/check-ins', { scene });
    expect(checkIn).toMatchObject({ status: 200, body: { storeId: store.id } });
  });
});
