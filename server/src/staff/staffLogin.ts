import { errors } from '../app/errors';
import { runInTransaction } from '../db/runInTransaction';
import { randomToken, tokenHash } from '../security/secretTokens';
import type { System } from '../system/System';
import { verifyDecoy, verifyPassword } from './passwords';
import { StaffAccount } from './StaffAccount';
import { StaffSession } from './StaffSession';

const refused = () => errors.unauthorized('login_failed', '用户名或密码错误');
const locked = (until: Date) =>
  errors.forbidden('account_locked', `登录失败次数过多，账号已锁定，请于 ${until.toISOString().slice(11, 16)}（UTC）后再试`);

/**
 * Opens a staff session. After `staff.maxFailedLogins` wrong passwords in a row the
 * account is locked for `staff.lockoutMinutes` (a right password does not open it
 * meanwhile); the failure counter moves under a row lock so parallel guesses all count.
 */
export async function staffLogin(options: { system: System; username: string; password: string; ip: string; now: Date }): Promise<{
  staff: StaffAccount;
  token: string;
  expiresAt: Date;
}> {
  const { system, username, password, ip, now } = options;
  const { maxFailedLogins, lockoutMinutes, sessionTtlHours } = system.config.staff;
  const account = await system.dataSource.getRepository(StaffAccount).findOneBy({ username });
  if (!account || !account.active) {
    await verifyDecoy(password);
    throw refused();
  }
  if (account.lockedUntil && account.lockedUntil > now) throw locked(account.lockedUntil);
  const valid = await verifyPassword(account.passwordHash, password);
  const outcome = await runInTransaction(system.dataSource, async (manager) => {
    const staff = await manager.getRepository(StaffAccount).findOneOrFail({ where: { id: account.id }, lock: { mode: 'pessimistic_write' } });
    if (staff.lockedUntil && staff.lockedUntil > now) throw locked(staff.lockedUntil);
    if (!valid) {
      const failures = staff.failedLogins + 1;
      const lockedUntil = failures >= maxFailedLogins ? new Date(now.getTime() + lockoutMinutes * 60_000) : null;
      await manager.getRepository(StaffAccount).update({ id: staff.id }, { failedLogins: lockedUntil ? 0 : failures, lockedUntil });
      // Returned, not thrown: throwing would roll the counter back with the transaction.
      return { refusal: lockedUntil ? locked(lockedUntil) : refused() };
    }
    await manager.getRepository(StaffAccount).update({ id: staff.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + sessionTtlHours * 3_600_000);
    await manager.getRepository(StaffSession).insert({ staffId: staff.id, tokenHash: tokenHash(token), expiresAt, ip: ip.slice(0, 64), createdAt: now });
    return { session: { staff, token, expiresAt } };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.session;
}
