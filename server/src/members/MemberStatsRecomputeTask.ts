import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { memberStatsRecomputer } from './memberStatsRecomputer';

/** Payload of {@link MemberStatsRecomputeTask}: `asOf` replays a past run (ISO time); default now. */
export interface MemberStatsRecomputePayload {
  asOf?: string;
}

/**
 * The nightly check of the statistics that purchases and refunds keep in their own
 * transactions: recomputes them from the orders, fixes and reports any that differed.
 */
export class MemberStatsRecomputeTask extends Task<MemberStatsRecomputePayload> {
  readonly name = 'member-stats-recompute';

  override get options() {
    return { attempts: 3 };
  }

  async perform(payload: MemberStatsRecomputePayload, { system, log }: TaskContext): Promise<{ checked: number; fixed: number }> {
    const report = await memberStatsRecomputer(system, { now: payload.asOf ? new Date(payload.asOf) : new Date(), log });
    return { checked: report.membersChecked, fixed: report.membersFixed };
  }
}
