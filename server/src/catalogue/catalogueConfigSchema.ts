import { z } from 'zod';

/** `catalogue` in the configuration: limits of the CSV import. */
export const catalogueConfigSchema = z.object({
  /** Larger uploads are refused with 413 before anything is parsed. */
  maxImportBytes: z.coerce.number().int().min(1024).max(50 * 1024 * 1024),
  maxImportRows: z.coerce.number().int().min(1).max(200_000),
  /** How long a process keeps the toy list in memory for the intents before reloading it. */
  cacheSeconds: z.coerce.number().int().min(0).max(3600),
});

/** The validated `catalogue` configuration. */
export type CatalogueConfig = z.infer<typeof catalogueConfigSchema>;
