import type { EntityManager } from 'typeorm';

/** A toy suggested for a birthday. */
export interface BirthdayToy {
  sku: string;
  name: string;
}

/**
 * Up to `count` in-stock toys whose declared age range includes `ageMonths`, in a fixed
 * order: those of the child's interests first, then the narrowest range (toys made for
 * exactly that age before "3岁以上"), then by sku. A toy with no age range at all is not a
 * suggestion for an age. Without an age (no birth year), in-stock toys of the interests.
 */
export async function pickBirthdayToys(manager: EntityManager, { ageMonths, interests, count }: { ageMonths: number | null; interests: string[]; count: number }): Promise<BirthdayToy[]> {
  const interest = interests.length > 0 ? `category IN (${interests.map(() => '?').join(', ')})` : '0 = 1';
  const conditions = ['stock > 0'];
  const whereParams: unknown[] = [];
  if (ageMonths === null) {
    if (interests.length === 0) return [];
    conditions.push(interest);
    whereParams.push(...interests);
  } else {
    conditions.push('(min_age_months IS NOT NULL OR max_age_months IS NOT NULL)');
    conditions.push('COALESCE(min_age_months, 0) <= ? AND COALESCE(max_age_months, 65535) >= ?');
    whereParams.push(ageMonths, ageMonths);
  }
  const rows = (await manager.query(
    `SELECT sku, name FROM toys WHERE ${conditions.join(' AND ')}
     ORDER BY (${interest}) DESC, COALESCE(max_age_months, 1200) - COALESCE(min_age_months, 0), sku LIMIT ?`,
    [...whereParams, ...interests, count],
  )) as BirthdayToy[];
  return rows;
}
