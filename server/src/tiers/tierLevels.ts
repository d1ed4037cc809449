import type { TierDto } from '@toyclub/shared';
import type { TierLevelConfig } from '../config/configSchema';

/** The highest configured tier whose threshold `spendFen` reaches (levels are sorted by threshold). */
export function qualifyingTier(levels: readonly TierLevelConfig[], spendFen: number): TierLevelConfig {
  let best = levels[0]!;
  for (const level of levels) if (spendFen >= level.minSpendFen) best = level;
  return best;
}

/** The configured tier called `code`; an unknown code (a tier removed from config) counts as the lowest. */
export function tierByCode(levels: readonly TierLevelConfig[], code: string): TierLevelConfig {
  return levels.find((level) => level.code === code) ?? levels[0]!;
}

/** The rank of a tier, to compare two tiers. */
export function tierRank(levels: readonly TierLevelConfig[], code: string): number {
  return Math.max(0, levels.findIndex((level) => level.code === code));
}

/** The tier after `code`, or null at the top. */
export function nextTier(levels: readonly TierLevelConfig[], code: string): TierLevelConfig | null {
  return levels[tierRank(levels, code) + 1] ?? null;
}

/** A tier as the DTO shows it. */
export function presentTier(level: TierLevelConfig): TierDto {
  return { code: level.code, name: level.name, minSpendFen: level.minSpendFen, multiplierPercent: level.multiplierPercent };
}
