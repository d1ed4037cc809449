import { useMemo } from 'react';
import type { TierDto, TierListDto } from '@toyclub/shared';
import { useApi } from './useApi';

/** What {@link useTiers} gives a page: the configured tiers and a code's display name. */
export interface Tiers {
  tiers: TierDto[];
  /** `金卡`; a code no longer configured (or before the tiers load) shows as itself. */
  nameOf: (code: string) => string;
}

/** The configured tiers (`GET /api/admin/tiers`), so that staff see tier names rather than codes. */
export function useTiers(): Tiers {
  const { data } = useApi<TierListDto>('/api/admin/tiers');
  return useMemo(() => {
    const tiers = data?.tiers ?? [];
    const names = new Map(tiers.map((tier) => [tier.code, tier.name]));
    return { tiers, nameOf: (code: string) => names.get(code) ?? code };
  }, [data]);
}
