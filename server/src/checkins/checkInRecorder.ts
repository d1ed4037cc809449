import type { CheckInDto } from '@toyclub/shared';
import { errors } from '../app/errors';
import { isDuplicateKey, runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import { creditPoints, expiryFor } from '../points/pointsLedger';
import { Store } from '../stores/Store';
import type { System } from '../system/System';
import { CheckIn } from './CheckIn';
import { localDate } from '../time/localDate';
import { verifyStoreScene } from './storeScenes';

const alreadyToday = () => errors.conflict('already_checked_in', '今天已经签到过了，明天再来吧');

/**
 * Checks a member in at the store named by a signed scene, once per local day (a unique
 * key on member and day), and credits `points.checkInPoints`. Forged scenes are refused.
 */
export async function checkInRecorder(options: { system: System; memberId: string; scene: string; now: Date }): Promise<CheckInDto> {
  const { system, memberId, now } = options;
  const storeId = verifyStoreScene(system.config, options.scene.trim());
  if (!storeId) throw errors.badRequest('scene_invalid', '无法识别的门店二维码');
  const store = await system.dataSource.getRepository(Store).findOneBy({ id: storeId });
  if (!store) throw errors.badRequest('scene_invalid', '无法识别的门店二维码');
  const day = localDate(now, system.config.membership.timeZone);
  const points = system.config.points.checkInPoints;
  try {
    return await runInTransaction(system.dataSource, async (manager) => {
      const member = await lockMember(manager, memberId);
      if (await manager.getRepository(CheckIn).existsBy({ memberId, day })) throw alreadyToday();
      const checkIn = manager.getRepository(CheckIn).create({ memberId, storeId, day, points, createdAt: now });
      await manager.getRepository(CheckIn).insert(checkIn);
      if (points > 0) {
        await creditPoints({ manager, member, points, reason: 'check_in', refType: 'check_in', refId: checkIn.id, now, expiresAt: expiryFor(now, system.config.points.expiryMonths) });
      }
      return { storeId, storeName: store.name, day, points, balanceAfter: member.pointsBalance };
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw alreadyToday();
    throw error;
  }
}
