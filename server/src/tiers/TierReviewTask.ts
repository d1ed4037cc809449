import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { tierReviewer } from './tierReviewer';

/** Payload of {@link TierReviewTask}: `asOf` replays a past day (ISO time); default now. */
export interface TierReviewPayload {
  asOf?: string;
}

/** The daily job that downgrades tiers after the grace period and refreshes rolling statistics. */
export class TierReviewTask extends Task<TierReviewPayload> {
  readonly name = 'tier-review';

  override get options() {
    return { attempts: 3 };
  }

  async perform(payload: TierReviewPayload, { system, log }: TaskContext): Promise<{ reviewed: number }> {
    const result = await tierReviewer(system, payload.asOf ? new Date(payload.asOf) : new Date());
    log.info(result, 'tiers reviewed');
    return result;
  }
}
