import { parse } from 'csv-parse/sync';
import type { CatalogueRejectedRow } from '@toyclub/shared';
import { mapColumns } from './catalogueColumns';
import type { ToyRow } from './parseToyRow';
import { parseToyRow } from './parseToyRow';

/** A parsed file: the valid rows with their lines, and the rejected ones with their reasons. */
export interface ParsedCatalogue {
  rows: number;
  toys: Array<{ line: number; toy: ToyRow }>;
  rejected: CatalogueRejectedRow[];
  /** True when the file as a whole is unusable (bad header, broken quoting): nothing may be imported. */
  fatal: boolean;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** Exports from Excel on Chinese Windows often use tabs or semicolons: pick what the header uses most. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';'].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

/** The line a record starts on: csv-parse reports where it ends, and quoted cells may span lines. */
function startLine(entry: CsvRecord): number {
  const innerBreaks = entry.record.reduce((count, value) => count + (value.match(/\n/g)?.length ?? 0), 0);
  return entry.info.lines - innerBreaks;
}

/**
 * Parses a catalogue CSV (header row first) into toys, rejecting each bad row with its line
 * number and reason; a sku repeated in the file is rejected on its later lines.
 */
export function parseCatalogueCsv(text: string, maxRows: number): ParsedCatalogue {
  let records: CsvRecord[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: 0, toys: [], rejected: [{ line, sku: null, reason: `CSV 格式错误：${(error as Error).message}` }], fatal: true };
  }
  const [header, ...data] = records;
  if (!header) return { rows: 0, toys: [], rejected: [{ line: 1, sku: null, reason: '文件是空的' }], fatal: true };
  const columns = mapColumns(header.record);
  if (columns.problems.length > 0) {
    return { rows: data.length, toys: [], rejected: [{ line: startLine(header), sku: null, reason: columns.problems.join('；') }], fatal: true };
  }
  if (data.length > maxRows) {
    return { rows: data.length, toys: [], rejected: [{ line: 1, sku: null, reason: `一次最多导入${maxRows}行，请分批导入` }], fatal: true };
  }
  const toys: ParsedCatalogue['toys'] = [];
  const rejected: CatalogueRejectedRow[] = [];
  const firstLineOfSku = new Map<string, number>();
  for (const entry of data) {
    const line = startLine(entry);
    if (entry.record.every((value) => value.trim() === '')) continue;
    const parsed = parseToyRow(entry.record, columns);
    if ('problems' in parsed) {
      const skuCell = columns.index.sku === undefined ? '' : (entry.record[columns.index.sku] ?? '').trim();
      rejected.push({ line, sku: skuCell || null, reason: parsed.problems.join('；') });
      continue;
    }
    const earlier = firstLineOfSku.get(parsed.toy.sku);
    if (earlier !== undefined) {
      rejected.push({ line, sku: parsed.toy.sku, reason: `商品编码与第${earlier}行重复` });
      continue;
    }
    firstLineOfSku.set(parsed.toy.sku, line);
    toys.push({ line, toy: parsed.toy });
  }
  return { rows: data.length, toys, rejected, fatal: false };
}
