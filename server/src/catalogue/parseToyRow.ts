import type { ToyDto } from '@toyclub/shared';
import type { ColumnMap, ToyColumn } from './catalogueColumns';
import { parseAgeRange } from './parseAgeRange';
import { toyCategoryOf } from './toyCategoryOf';

/** A valid CSV row, ready to upsert: a toy as the console sees it, before it has an id. */
export type ToyRow = Omit<ToyDto, 'id'>;

const MAX_AGE_MONTHS = 1200;
const MAX_PRICE_FEN = 100_000_000_00;

/** `199`, `199.9`, `¥1,299.00` → fen, exactly (no floating point). */
export function parseYuanToFen(raw: string): number | null {
  const text = raw.normalize('NFKC').replace(/[¥￥,\s]|元$/g, '');
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

function integerCell(raw: string): number | null {
  const text = raw.normalize('NFKC').replace(/[,\s]/g, '');
  if (!/^-?\d{1,9}$/.test(text)) return null;
  return Number(text);
}

function cell(record: string[], map: ColumnMap, column: ToyColumn): string {
  const index = map.index[column];
  return index === undefined ? '' : (record[index] ?? '').trim();
}

/** Aliases separated by `|`, `/`, `、`, `;`, `，` (full-width or not), trimmed and de-duplicated. */
function splitAliases(raw: string): string[] {
  const parts = raw.normalize('NFKC').split(/[|/、;,，；]/).map((part) => part.trim()).filter(Boolean);
  return [...new Set(parts)].slice(0, 20);
}

/** Reads one data row; returns the toy, or the reasons (in Chinese) it cannot be imported. */
export function parseToyRow(record: string[], map: ColumnMap): { toy: ToyRow } | { problems: string[] } {
  const problems: string[] = [];
  const sku = cell(record, map, 'sku').normalize('NFKC');
  if (sku === '') problems.push('缺少商品编码');
  else if (sku.length > 64 || /\s/.test(sku)) problems.push('商品编码不能超过64个字符，也不能含空格');
  const name = cell(record, map, 'name');
  if (name === '') problems.push('缺少商品名称');
  else if (name.length > 128) problems.push('商品名称不能超过128个字符');

  const priceText = map.index.priceFen !== undefined ? cell(record, map, 'priceFen') : cell(record, map, 'priceYuan');
  const priceFen = map.index.priceFen !== undefined ? integerCell(priceText) : parseYuanToFen(priceText);
  if (priceFen === null || priceFen < 0 || priceFen > MAX_PRICE_FEN) problems.push(`价格「${priceText}」不是有效金额`);

  const stockText = cell(record, map, 'stock');
  const stock = stockText === '' ? 0 : integerCell(stockText);
  if (stock === null || stock < 0) problems.push(`库存「${stockText}」必须是不小于0的整数`);

  let minAgeMonths: number | null = null;
  let maxAgeMonths: number | null = null;
  const rangeText = cell(record, map, 'ageRange');
  if (rangeText !== '') {
    const range = parseAgeRange(rangeText);
    if (range) ({ minAgeMonths, maxAgeMonths } = range);
    else problems.push(`适用年龄「${rangeText}」无法识别，请写成“3-6岁”“18个月-3岁”或“3岁以上”`);
  }
  for (const [column, label] of [['minAgeMonths', '最小月龄'], ['maxAgeMonths', '最大月龄']] as const) {
    const text = cell(record, map, column);
    if (text === '') continue;
    const months = integerCell(text);
    if (months === null || months < 0 || months > MAX_AGE_MONTHS) problems.push(`${label}「${text}」必须是0到${MAX_AGE_MONTHS}的整数`);
    else if (column === 'minAgeMonths') minAgeMonths = months;
    else maxAgeMonths = months;
  }
  if ((minAgeMonths ?? 0) > MAX_AGE_MONTHS || (maxAgeMonths ?? 0) > MAX_AGE_MONTHS) problems.push('适用年龄超出范围');
  if (minAgeMonths !== null && maxAgeMonths !== null && minAgeMonths > maxAgeMonths) problems.push('适用年龄下限大于上限');

  const categoryLabel = cell(record, map, 'category');
  if (categoryLabel.length > 32) problems.push('分类不能超过32个字符');
  const pictureUrl = cell(record, map, 'pictureUrl');
  if (pictureUrl !== '' && (!/^https?:\/\/\S+$/i.test(pictureUrl) || pictureUrl.length > 500)) {
    problems.push('图片地址必须是 http:// 或 https:// 开头的网址（最多500个字符）');
  }
  if (problems.length > 0) return { problems };
  const aliases = splitAliases(cell(record, map, 'aliases')).filter((alias) => alias !== name && alias.length <= 64);
  return {
    toy: {
      sku,
      name,
      aliases,
      category: toyCategoryOf(categoryLabel),
      categoryLabel,
      minAgeMonths,
      maxAgeMonths,
      priceFen: priceFen!,
      stock: stock!,
      pictureUrl,
    },
  };
}
