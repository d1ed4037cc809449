import { runInTransaction } from '../../db/runInTransaction';
import { lockMember } from '../../members/lockMember';
import { creditPoints } from '../../points/pointsLedger';
import type { System } from '../../system/System';
import { DAY_MS } from '../../time/dayMs';

/** Credits points to a member through the real ledger (as a manual adjustment). */
export async function grantPoints(system: System, memberId: string, points: number): Promise<void> {
  const now = new Date();
  await runInTransaction(system.dataSource, async (manager) => {
    const member = await lockMember(manager, memberId);
    await creditPoints({ manager, member, points, reason: 'adjustment', note: 'test', now, expiresAt: new Date(now.getTime() + 365 * DAY_MS) });
  });
}
