import iconv from 'iconv-lite';
import { decodeCsvBytes } from './decodeCsvBytes';
import { formatAgeRange } from './formatAge';
import { parseAgeRange } from './parseAgeRange';
import { parseCatalogueCsv } from './parseCatalogueCsv';
import { parseYuanToFen } from './parseToyRow';
import { toyCategoryOf } from './toyCategoryOf';
import { ToyIndex } from './ToyIndex';
import type { ToySummary } from './ToyIndex';

describe('reading POS catalogue exports', () => {
  it('reads age ranges as toy boxes write them', () => {
    expect(parseAgeRange('3-6岁')).toEqual({ minAgeMonths: 36, maxAgeMonths: 83 });
    expect(parseAgeRange('３～６岁')).toEqual({ minAgeMonths: 36, maxAgeMonths: 83 });
    expect(parseAgeRange('18个月-3岁')).toEqual({ minAgeMonths: 18, maxAgeMonths: 47 });
    expect(parseAgeRange('0-36个月')).toEqual({ minAgeMonths: 0, maxAgeMonths: 36 });
    expect(parseAgeRange('3岁以上')).toEqual({ minAgeMonths: 36, maxAgeMonths: null });
    expect(parseAgeRange('14+')).toEqual({ minAgeMonths: 168, maxAgeMonths: null });
    expect(parseAgeRange('1岁半以上')).toEqual({ minAgeMonths: 18, maxAgeMonths: null });
    expect(parseAgeRange('6岁以下')).toEqual({ minAgeMonths: null, maxAgeMonths: 83 });
    expect(parseAgeRange('全年龄')).toEqual({ minAgeMonths: null, maxAgeMonths: null });
    expect(parseAgeRange('适合宝宝')).toBeNull();
    expect(formatAgeRange(36, 83)).toBe('3-6岁');
    expect(formatAgeRange(18, 47)).toBe('18个月-3岁');
    expect(formatAgeRange(36, null)).toBe('3岁以上');
    expect(formatAgeRange(null, 83)).toBe('6岁以下');
  });

  it('reads prices in yuan exactly, and maps POS categories', () => {
    expect(parseYuanToFen('199')).toBe(19900);
    expect(parseYuanToFen('¥1,299.9')).toBe(129990);
    expect(parseYuanToFen('０.０１')).toBe(1);
    expect(parseYuanToFen('19.999')).toBeNull();
    expect(parseYuanToFen('-5')).toBeNull();
    expect(toyCategoryOf('拼插积木')).toBe('building_blocks');
    expect(toyCategoryOf('毛绒玩具')).toBe('plush');
    expect(toyCategoryOf('vehicles')).toBe('vehicles');
    expect(toyCategoryOf('婴幼启蒙')).toBe('baby');
    expect(toyCategoryOf('文具')).toBe('other');
  });

  it('decodes UTF-8 (with or without BOM) and GBK', () => {
    const text = '商品编码,商品名称\nA1,小猪佩奇\n';
    expect(decodeCsvBytes(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvBytes(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gbk' });
  });

  it('reports each bad row with its line (quoted cells may span lines) and keeps the good ones', () => {
    const csv = [
      '商品编码,商品名称,别名,分类,适用年龄,零售价(元),库存',
      'A1,乐高城市警察局,"警察局|LEGO 60246",积木,6-12岁,599.00,8',
      'A2,"多行\n名称",,,3岁以上,12.5,1',
      ',没有编码,,,,10,1',
      'A3,价格不对,,,,abc,1',
      'A4,年龄不对,,,很多岁,10,-2',
      'A1,重复编码,,,,10,1',
    ].join('\n');
    const parsed = parseCatalogueCsv(csv, 100);
    expect(parsed.fatal).toBe(false);
    expect(parsed.toys.map((entry) => [entry.line, entry.toy.sku])).toEqual([
      [2, 'A1'],
      [3, 'A2'],
    ]);
    expect(parsed.toys[0]!.toy).toMatchObject({ aliases: ['警察局', 'LEGO 60246'], category: 'building_blocks', minAgeMonths: 72, maxAgeMonths: 155, priceFen: 59900, stock: 8 });
    expect(parsed.rejected.map((row) => row.line)).toEqual([5, 6, 7, 8]);
    expect(parsed.rejected[0]!.reason).toContain('缺少商品编码');
    expect(parsed.rejected[1]!.reason).toContain('价格「abc」');
    expect(parsed.rejected[2]!.reason).toMatch(/库存「-2」.*适用年龄「很多岁」/);
    expect(parsed.rejected[3]).toEqual({ line: 8, sku: 'A1', reason: '商品编码与第2行重复' });
  });

  it('refuses a file without the required columns, or with broken quoting, as a whole', () => {
    expect(parseCatalogueCsv('名称,价格\n积木,10\n', 100)).toMatchObject({ fatal: true, rejected: [{ line: 1, reason: expect.stringContaining('商品编码') }] });
    expect(parseCatalogueCsv('sku,name,price\nA,"unclosed,1\n', 100)).toMatchObject({ fatal: true, rejected: [{ reason: expect.stringContaining('CSV 格式错误') }] });
    expect(parseCatalogueCsv('sku\tname\tprice\nA\t积木\t10\n', 100).toys).toHaveLength(1);
  });
});

describe('finding a toy by a loose name', () => {
  const toy = (id: string, name: string, aliases: string[] = []): ToySummary => ({
    id, sku: `S${id}`, name, aliases, category: 'other', minAgeMonths: null, maxAgeMonths: null, priceFen: 100, stock: 1,
  });
  const index = new ToyIndex([
    toy('1', '乐高城市警察局', ['LEGO 60246']),
    toy('2', '小猪佩奇毛绒公仔'),
    toy('3', '小猪佩奇积木套装'),
    toy('4', 'Hot Wheels 风火轮赛道'),
  ]);
  const name = (text: string) => {
    const match = index.match(text);
    return match.kind === 'one' ? match.toy.name : match.kind === 'many' ? match.toys.map((item) => item.name) : null;
  };

  it('matches names and aliases across width, case, spaces and punctuation', () => {
    expect(name('乐高城市警察局')).toBe('乐高城市警察局');
    expect(name('ｌｅｇｏ　６０２４６')).toBe('乐高城市警察局');
    expect(name('请问乐高 城市·警察局')).toBe('乐高城市警察局');
    expect(name('hotwheels风火轮赛道')).toBe('Hot Wheels 风火轮赛道');
  });

  it('matches partial names, and asks when several fit equally', () => {
    expect(name('警察局')).toBe('乐高城市警察局');
    expect(name('风火轮')).toBe('Hot Wheels 风火轮赛道');
    expect(name('小猪佩奇')).toEqual(['小猪佩奇毛绒公仔', '小猪佩奇积木套装']);
    expect(name('佩奇积木')).toBe('小猪佩奇积木套装');
    expect(name('奥特曼')).toBeNull();
    expect(name('')).toBeNull();
  });
});
