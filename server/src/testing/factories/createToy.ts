import { randomBytes } from 'node:crypto';
import type { ToyCategory } from '@toyclub/shared';
import type { System } from '../../system/System';
import { invalidateCatalogueIndex } from '../../catalogue/catalogueCache';

/** What a test toy may set. */
export interface ToyOverrides {
  sku?: string;
  name: string;
  aliases?: string[];
  category?: ToyCategory;
  minAgeMonths?: number | null;
  maxAgeMonths?: number | null;
  priceFen?: number;
  stock?: number;
}

/** A toy in the catalogue (the process's cached index is refreshed). */
export async function createToy(system: System, toy: ToyOverrides): Promise<{ id: string; sku: string }> {
  const sku = toy.sku ?? `T${randomBytes(5).toString('hex')}`;
  const result = (await system.dataSource.query(
    `INSERT INTO toys (sku, name, aliases, category, category_label, min_age_months, max_age_months, price_fen, stock, picture_url)
     VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, '')`,
    [sku, toy.name, JSON.stringify(toy.aliases ?? []), toy.category ?? 'other', toy.minAgeMonths ?? null, toy.maxAgeMonths ?? null, toy.priceFen ?? 9900, toy.stock ?? 10],
  )) as { insertId: number | string };
  invalidateCatalogueIndex(system.dataSource);
  return { id: String(result.insertId), sku };
}
