import type { DataSource, EntityManager } from 'typeorm';
import type { CatalogueImportReportDto } from '@toyclub/shared';
import { runInTransaction } from '../db/runInTransaction';
import type { CsvEncoding } from './decodeCsvBytes';
import { decodeCsvBytes } from './decodeCsvBytes';
import { parseCatalogueCsv } from './parseCatalogueCsv';
import type { ToyRow } from './parseToyRow';

/** Options of {@link importCatalogue}. */
export interface ImportCatalogueOptions {
  encoding: CsvEncoding | 'auto';
  /** Import the valid rows of a file that has bad ones (default: import nothing). */
  skipErrors: boolean;
  maxRows: number;
}

const CHUNK = 500;

async function existingSkus(manager: EntityManager, skus: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < skus.length; start += CHUNK) {
    const chunk = skus.slice(start, start + CHUNK);
    const rows = (await manager.query(`SELECT sku FROM toys WHERE sku IN (${chunk.map(() => '?').join(',')})`, chunk)) as Array<{
      sku: string;
    }>;
    for (const row of rows) found.add(row.sku);
  }
  return found;
}

async function upsert(manager: EntityManager, toys: ToyRow[]): Promise<void> {
  for (let start = 0; start < toys.length; start += CHUNK) {
    const chunk = toys.slice(start, start + CHUNK);
    const values = chunk.flatMap((toy) => [
      toy.sku,
      toy.name,
      JSON.stringify(toy.aliases),
      toy.category,
      toy.categoryLabel,
      toy.minAgeMonths,
      toy.maxAgeMonths,
      toy.priceFen,
      toy.stock,
      toy.pictureUrl,
    ]);
    await manager.query(
      `INSERT INTO toys (sku, name, aliases, category, category_label, min_age_months, max_age_months, price_fen, stock, picture_url)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE name = VALUES(name), aliases = VALUES(aliases), category = VALUES(category),
         category_label = VALUES(category_label), min_age_months = VALUES(min_age_months),
         max_age_months = VALUES(max_age_months), price_fen = VALUES(price_fen), stock = VALUES(stock),
         picture_url = VALUES(picture_url)`,
      values,
    );
  }
}

/**
 * Imports a catalogue CSV: toys are matched by sku and created or updated (toys missing
 * from the file are left alone, since POS exports are often partial). A file with bad rows
 * imports nothing unless `skipErrors` is set; either way every bad row is reported.
 */
export async function importCatalogue(
  dataSource: DataSource,
  bytes: Buffer,
  options: ImportCatalogueOptions,
): Promise<CatalogueImportReportDto> {
  const { text, encoding } = decodeCsvBytes(bytes, options.encoding);
  const parsed = parseCatalogueCsv(text, options.maxRows);
  const report = { encoding, rows: parsed.rows, rejected: parsed.rejected };
  if (parsed.fatal || (parsed.rejected.length > 0 && !options.skipErrors) || parsed.toys.length === 0) {
    return { ...report, imported: !parsed.fatal && parsed.rejected.length === 0, created: 0, updated: 0 };
  }
  const toys = parsed.toys.map((entry) => entry.toy);
  const counts = await runInTransaction(dataSource, async (manager) => {
    const existing = await existingSkus(manager, toys.map((toy) => toy.sku));
    await upsert(manager, toys);
    return { created: toys.length - existing.size, updated: existing.size };
  });
  return { ...report, imported: true, ...counts };
}
