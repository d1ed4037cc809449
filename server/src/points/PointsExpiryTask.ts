import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { pointsExpirer } from './pointsExpirer';

/** Payload of {@link PointsExpiryTask}: `asOf` replays a past day (ISO time); default now. */
export interface PointsExpiryPayload {
  asOf?: string;
}

/** The daily job that writes expiry entries for lots past their expiry, oldest first. */
export class PointsExpiryTask extends Task<PointsExpiryPayload> {
  readonly name = 'points-expiry';

  override get options() {
    return { attempts: 3 };
  }

  async perform(payload: PointsExpiryPayload, { system, log }: TaskContext): Promise<{ members: number; points: number }> {
    const result = await pointsExpirer(system, payload.asOf ? new Date(payload.asOf) : new Date());
    log.info(result, 'points expired');
    return result;
  }
}
