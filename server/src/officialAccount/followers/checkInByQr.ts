import { AppError } from '../../app/AppError';
import { checkInRecorder } from '../../checkins/checkInRecorder';
import type { System } from '../../system/System';

/** What a store QR check-in gave, for the reply. */
export type QrCheckIn = { kind: 'checked_in'; points: number; balanceAfter: number } | { kind: 'already_today' };

/**
 * Checks the member in at the store whose signed scene the QR code carries, through the
 * members feature's own check-in (once per local day, points through the ledger).
 */
export async function checkInByQr(system: System, memberId: string, scene: string): Promise<QrCheckIn> {
  try {
    const checkIn = await checkInRecorder({ system, memberId, scene, now: new Date() });
    return { kind: 'checked_in', points: checkIn.points, balanceAfter: checkIn.balanceAfter };
  } catch (error) {
    if (error instanceof AppError && error.code === 'already_checked_in') return { kind: 'already_today' };
    throw error;
  }
}
