import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@toyclub/shared';
import type { System } from '../../system/System';
import { hashPassword } from '../../staff/passwords';
import { StaffAccount } from '../../staff/StaffAccount';
import { STAFF_COOKIE } from '../../staff/staffAuth';

/** The password every factory-made staff account has. */
export const STAFF_PASSWORD = 'correct-horse-42';

/** A fresh staff account with the given role (optionally bound to a member, tied to a store). */
export async function createStaff(
  system: System,
  options: { role: StaffRole; storeId?: string | null; memberId?: string | null },
): Promise<StaffAccount> {
  const repository = system.dataSource.getRepository(StaffAccount);
  const staff = repository.create({
    username: `${options.role}${randomBytes(5).toString('hex')}`,
    displayName: '测试店员',
    passwordHash: await hashPassword(STAFF_PASSWORD),
    role: options.role,
    storeId: options.storeId ?? null,
    memberId: options.memberId ?? null,
    active: true,
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: null,
  });
  return repository.save(staff);
}

/** Logs in through the real route and returns a client that sends the session cookie. */
export async function staffClient(baseUrl: string, username: string, password = STAFF_PASSWORD) {
  const login = await fetch(`${baseUrl}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!cookie.startsWith(`${STAFF_COOKIE}=`)) throw new Error('no session cookie');
  const send = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    cookie,
    get: <T>(path: string) => send<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => send<T>('POST', path, body),
    patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
    put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
    delete: <T>(path: string) => send<T>('DELETE', path),
  };
}
