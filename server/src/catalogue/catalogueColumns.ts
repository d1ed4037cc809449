/** The toy fields a CSV column can fill. */
export type ToyColumn =
  | 'sku'
  | 'name'
  | 'aliases'
  | 'category'
  | 'ageRange'
  | 'minAgeMonths'
  | 'maxAgeMonths'
  | 'priceYuan'
  | 'priceFen'
  | 'stock'
  | 'pictureUrl';

/** Header names as POS software and spreadsheets write them, normalised (see {@link normaliseHeader}). */
const HEADER_NAMES: Record<ToyColumn, string[]> = {
  sku: ['sku', '商品编码', '商品编号', '货号', '编码', '款号', '条码', '商品条码', 'itemcode', 'barcode'],
  name: ['name', '商品名称', '名称', '品名', '商品名', '玩具名称'],
  aliases: ['aliases', 'alias', '别名', '简称', '俗称', '关键词'],
  category: ['category', '分类', '类别', '商品分类', '品类', '类目'],
  ageRange: ['age', 'agerange', '适用年龄', '适龄', '年龄段', '适合年龄', '适用年龄段'],
  minAgeMonths: ['min_age_months', 'minagemonths', '最小月龄', '适龄下限(月)', '起始月龄'],
  maxAgeMonths: ['max_age_months', 'maxagemonths', '最大月龄', '适龄上限(月)'],
  priceYuan: ['price', 'price_yuan', '价格', '售价', '零售价', '单价', '价格(元)', '售价(元)', '零售价(元)'],
  priceFen: ['price_fen', 'pricefen', '价格(分)', '售价(分)'],
  stock: ['stock', '库存', '库存数量', '现存量', '可用库存', '数量'],
  pictureUrl: ['picture', 'picture_url', 'pictureurl', 'image', 'image_url', '图片', '图片地址', '主图', '商品图片'],
};

/** Full-width to half-width, lower case, no spaces: `适龄下限（月）` and `适龄下限(月)` are one header. */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(/^\uFEFF/, '').replace(/\s+/g, '').toLowerCase();
}

/** Where each known column sits in the header row, plus the problems of the header itself. */
export interface ColumnMap {
  index: Partial<Record<ToyColumn, number>>;
  problems: string[];
}

/** Reads the header row: every known column by index; missing required ones and duplicates as problems. */
export function mapColumns(header: string[]): ColumnMap {
  const index: Partial<Record<ToyColumn, number>> = {};
  const problems: string[] = [];
  header.forEach((raw, position) => {
    const name = normaliseHeader(raw);
    const column = (Object.keys(HEADER_NAMES) as ToyColumn[]).find((key) => HEADER_NAMES[key].includes(name));
    if (!column) return;
    if (index[column] !== undefined) problems.push(`表头「${raw}」重复`);
    else index[column] = position;
  });
  if (index.sku === undefined) problems.push('缺少「商品编码」列（sku）');
  if (index.name === undefined) problems.push('缺少「商品名称」列（name）');
  if (index.priceYuan === undefined && index.priceFen === undefined) problems.push('缺少「价格」列（price）');
  return { index, problems };
}
