import type { TierProgressDto } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import type { Member } from '../members/Member';
import { nextTier, presentTier, tierByCode } from './tierLevels';
import { DAY_MS } from '../time/dayMs';

/** Where the member stands: current tier, the next one, and how much more to spend for it. */
export function presentTierProgress(config: AppConfig, member: Member, spend12MonthsFen: number): TierProgressDto {
  const levels = config.tiers.levels;
  const current = tierByCode(levels, member.tierCode);
  const next = nextTier(levels, current.code);
  const remainingFen = next ? Math.max(0, next.minSpendFen - spend12MonthsFen) : 0;
  const span = next ? next.minSpendFen - current.minSpendFen : 0;
  const percent = next ? Math.min(100, Math.max(0, Math.floor(((spend12MonthsFen - current.minSpendFen) * 100) / span))) : 100;
  const pending = member.tierDowngradePendingSince;
  const downgradeOn = pending ? new Date(pending.getTime() + config.tiers.graceDays * DAY_MS).toISOString().slice(0, 10) : null;
  return { current: presentTier(current), next: next ? presentTier(next) : null, spend12MonthsFen, remainingFen, percent, downgradeOn };
}
