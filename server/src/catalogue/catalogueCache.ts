import type { DataSource } from 'typeorm';
import type { ToyCategory } from '@toyclub/shared';
import { ToyIndex } from './ToyIndex';

interface CachedIndex {
  index: ToyIndex;
  loadedAt: number;
}

interface ToyRowData {
  id: string;
  sku: string;
  name: string;
  aliases: string;
  category: ToyCategory;
  min_age_months: number | null;
  max_age_months: number | null;
  price_fen: string;
  stock: number;
}

// Per data source, so that test systems and the bench never share a catalogue.
const cache = new WeakMap<DataSource, CachedIndex>();
const loading = new WeakMap<DataSource, Promise<ToyIndex>>();
// Bumped by each invalidation, so that a load started before an import is not cached after it.
const generations = new WeakMap<DataSource, number>();

async function load(dataSource: DataSource): Promise<ToyIndex> {
  const rows = (await dataSource.query(
    'SELECT id, sku, name, aliases, category, min_age_months, max_age_months, price_fen, stock FROM toys',
  )) as ToyRowData[];
  return new ToyIndex(
    rows.map((row) => ({
      id: String(row.id),
      sku: row.sku,
      name: row.name,
      aliases: JSON.parse(row.aliases) as string[],
      category: row.category,
      minAgeMonths: row.min_age_months,
      maxAgeMonths: row.max_age_months,
      priceFen: Number(row.price_fen),
      stock: row.stock,
    })),
  );
}

/**
 * The catalogue index the intents search, loaded once per `maxAgeSeconds` per process
 * (one query; concurrent callers share it). An import in this process refreshes it at
 * once; other processes see it within `maxAgeSeconds`.
 */
export async function catalogueIndex(dataSource: DataSource, maxAgeSeconds: number): Promise<ToyIndex> {
  const cached = cache.get(dataSource);
  if (cached && Date.now() - cached.loadedAt < maxAgeSeconds * 1000) return cached.index;
  let pending = loading.get(dataSource);
  if (!pending) {
    const generation = generations.get(dataSource) ?? 0;
    pending = load(dataSource).then(
      (index) => {
        if ((generations.get(dataSource) ?? 0) === generation) cache.set(dataSource, { index, loadedAt: Date.now() });
        loading.delete(dataSource);
        return index;
      },
      (error: unknown) => {
        loading.delete(dataSource);
        throw error;
      },
    );
    loading.set(dataSource, pending);
  }
  return pending;
}

/** Drops this process's copy, after an import. */
export function invalidateCatalogueIndex(dataSource: DataSource): void {
  cache.delete(dataSource);
  loading.delete(dataSource);
  generations.set(dataSource, (generations.get(dataSource) ?? 0) + 1);
}
