import type { ApiErrorBody, AuditPageDto, StaffAccountDto } from '@toyclub/shared';
import { createStaff, staffClient, STAFF_PASSWORD } from '../testing/factories/createStaff';
import { StaffAccount } from './StaffAccount';
import { useTestServer } from '../testing/useTestServer';

describe('staff sessions, lock-out and roles', () => {
  const harness = useTestServer();

  const login = (username: string, password: string) =>
    fetch(`${harness.server.baseUrl}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': username },
      body: JSON.stringify({ username, password }),
    });

  it('opens a session in an httpOnly SameSite cookie and refuses wrong credentials alike', async () => {
    const staff = await createStaff(harness.system, { role: 'clerk' });
    const ok = await login(staff.username, STAFF_PASSWORD);
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/toyclub_staff=[A-Za-z0-9_-]{40,}/);
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=strict/i);
    const body = (await ok.json()) as { staff: StaffAccountDto };
    expect(body.staff).toMatchObject({ username: staff.username, role: 'clerk' });
    expect(JSON.stringify(body)).not.toMatch(/argon2|password/i);
    const wrong = (await (await login(staff.username, 'wrong-password-1')).json()) as ApiErrorBody;
    const unknown = (await (await login('nobody-here', 'wrong-password-1')).json()) as ApiErrorBody;
    expect(wrong).toEqual(unknown);
    expect(wrong.error).toBe('login_failed');
    const anonymous = await fetch(`${harness.server.baseUrl}/api/admin/session`);
    expect(anonymous.status).toBe(401);
  });

  it('locks the account after repeated failures, even against the right password', async () => {
    const staff = await createStaff(harness.system, { role: 'manager' });
    const { maxFailedLogins } = harness.system.config.staff;
    for (let attempt = 1; attempt < maxFailedLogins; attempt += 1) {
      expect((await login(staff.username, `wrong-password-${attempt}`)).status).toBe(401);
    }
    const last = await login(staff.username, 'wrong-password-x');
    expect(last.status).toBe(403);
    expect(((await last.json()) as ApiErrorBody).error).toBe('account_locked');
    const right = await login(staff.username, STAFF_PASSWORD);
    expect(right.status).toBe(403);
    expect(((await right.json()) as ApiErrorBody).error).toBe('account_locked');
    const stored = await harness.system.dataSource.getRepository(StaffAccount).findOneByOrFail({ id: staff.id });
    expect(stored.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Once the lock-out has passed, the right password works again.
    await harness.system.dataSource.getRepository(StaffAccount).update({ id: staff.id }, { lockedUntil: new Date(Date.now() - 1000) });
    expect((await login(staff.username, STAFF_PASSWORD)).status).toBe(200);
  });

  it('checks the role on every admin route', async () => {
    const clerk = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'clerk' })).username);
    const manager = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'manager' })).username);
    const owner = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'owner' })).username);
    expect((await clerk.get<ApiErrorBody>('/api/admin/members')).body.error).toBe('permission_denied');
    expect((await clerk.get('/api/admin/staff')).status).toBe(403);
    expect((await clerk.post('/api/admin/rewards', { name: 'x', pointsPrice: 1, stock: 1 })).status).toBe(403);
    expect((await manager.get('/api/admin/members')).status).toBe(200);
    expect((await manager.get<ApiErrorBody>('/api/admin/audit')).body.error).toBe('permission_denied');
    expect((await manager.post('/api/admin/members/1/reveal-phone')).status).toBe(403);
    expect((await manager.post('/api/admin/stores/1/pos-key')).status).toBe(403);
    expect((await owner.get<AuditPageDto>('/api/admin/audit')).status).toBe(200);
    const makeOwner = await manager.post<ApiErrorBody>('/api/admin/staff', { username: 'mgrmadeowner', displayName: '店长', password: 'long-enough-pw-1', role: 'owner' });
    expect(makeOwner).toMatchObject({ status: 403, body: { error: 'permission_denied' } });
    const makeClerk = await manager.post<StaffAccountDto>('/api/admin/staff', { username: `clerk${Date.now()}`, displayName: '小王', password: 'long-enough-pw-1', role: 'clerk' });
    expect(makeClerk).toMatchObject({ status: 201, body: { role: 'clerk', boundToMiniProgram: false } });
    const weak = await owner.post<ApiErrorBody>('/api/admin/staff', { username: `weak${Date.now()}`, displayName: '弱', password: '12345678901', role: 'clerk' });
    expect(weak).toMatchObject({ status: 400, body: { error: 'weak_password' } });
  });

  it('ends sessions when an account is deactivated', async () => {
    const owner = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'owner' })).username);
    const clerkAccount = await createStaff(harness.system, { role: 'clerk' });
    const clerk = await staffClient(harness.server.baseUrl, clerkAccount.username);
    expect((await clerk.get('/api/admin/session')).status).toBe(200);
    expect((await owner.patch(`/api/admin/staff/${clerkAccount.id}`, { active: false })).status).toBe(200);
    expect((await clerk.get('/api/admin/session')).status).toBe(401);
    expect((await clerk.delete('/api/admin/session')).status).toBe(401);
  });
});
