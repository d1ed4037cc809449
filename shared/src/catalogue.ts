import type { ToyCategory } from './toyCategories';

/** A toy of the catalogue, as the admin console sees it. */
export interface ToyDto {
  id: string;
  sku: string;
  name: string;
  aliases: string[];
  category: ToyCategory;
  categoryLabel: string;
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
  priceFen: number;
  stock: number;
  pictureUrl: string;
}

/** A CSV row the import refused: its line in the file (the header is line 1) and why. */
export interface CatalogueRejectedRow {
  line: number;
  sku: string | null;
  reason: string;
}

/** Answer of `POST /api/admin/catalogue/import`. */
export interface CatalogueImportReportDto {
  /** The encoding the file was read in. */
  encoding: 'utf-8' | 'gbk';
  /** Data rows in the file (the header excluded). */
  rows: number;
  /** False when the file had errors and `skipErrors` was not set: nothing was written. */
  imported: boolean;
  created: number;
  updated: number;
  rejected: CatalogueRejectedRow[];
}

/** `GET /api/admin/catalogue/toys`: keyset pages ordered by sku. */
export interface ToyPageDto {
  toys: ToyDto[];
  nextCursor: string | null;
}
