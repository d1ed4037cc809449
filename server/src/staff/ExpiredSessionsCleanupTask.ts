import { LessThan } from 'typeorm';
import { MemberSession } from '../members/MemberSession';
import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import type { System } from '../system/System';
import { StaffBindingCode } from './StaffBindingCode';
import { StaffSession } from './StaffSession';

/**
 * Deletes expired member and staff sessions and binding codes past their time, daily,
 * so the token tables only hold what can still be used.
 */
export class ExpiredSessionsCleanupTask extends Task<Record<string, never>> {
  readonly name = 'expired-sessions-cleanup';

  override get options() {
    return { attempts: 3 };
  }

  async perform(_payload: Record<string, never>, { system, log }: TaskContext): Promise<Record<string, number>> {
    const result = await removeExpiredSessions(system, new Date());
    log.info(result, 'expired sessions removed');
    return result;
  }
}

/** Deletes sessions and binding codes that expired before `now`; returns how many of each. */
export async function removeExpiredSessions(system: System, now: Date): Promise<Record<string, number>> {
  const manager = system.dataSource.manager;
  const [members, staff, codes] = await Promise.all([
    manager.getRepository(MemberSession).delete({ expiresAt: LessThan(now) }),
    manager.getRepository(StaffSession).delete({ expiresAt: LessThan(now) }),
    manager.getRepository(StaffBindingCode).delete({ expiresAt: LessThan(now) }),
  ]);
  return { memberSessions: members.affected ?? 0, staffSessions: staff.affected ?? 0, bindingCodes: codes.affected ?? 0 };
}
