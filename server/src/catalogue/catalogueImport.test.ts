import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import type { CatalogueImportReportDto, ToyPageDto } from '@toyclub/shared';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { catalogueIndex } from './catalogueCache';
import { useTestServer } from '../testing/useTestServer';

describe('POST /api/admin/catalogue/import', () => {
  const harness = useTestServer({ config: { catalogue: { maxImportBytes: 64 * 1024 } } });

  let cookie: string;
  const prefix = `I${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    const manager = await createStaff(harness.system, { role: 'manager' });
    cookie = (await staffClient(harness.server.baseUrl, manager.username)).cookie;
  });

  async function upload(body: Buffer | string, query = '', headers: Record<string, string> = {}) {
    const response = await fetch(`${harness.server.baseUrl}/api/admin/catalogue/import${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie, ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as CatalogueImportReportDto };
  }

  const toyRow = async (sku: string) =>
    ((await harness.system.dataSource.query('SELECT name, aliases, category, min_age_months, max_age_months, price_fen, stock FROM toys WHERE sku = ?', [sku])) as unknown[])[0];

  it('imports a UTF-8 export, then updates by sku', async () => {
    const csv = `\uFEFFsku,name,aliases,category,age,price,stock,picture\n${prefix}-1,乐高城市警察局${prefix},警察局${prefix}|LEGO 60246,积木,6-12岁,599.00,8,https://img.example/1.jpg\n${prefix}-2,小猪佩奇毛绒${prefix},佩奇${prefix},毛绒,18个月以上,129,3,\n`;
    const first = await upload(csv);
    expect(first).toEqual({ status: 200, body: { encoding: 'utf-8', rows: 2, imported: true, created: 2, updated: 0, rejected: [] } });
    expect(await toyRow(`${prefix}-1`)).toEqual({
      name: `乐高城市警察局${prefix}`, aliases: `["警察局${prefix}","LEGO 60246"]`, category: 'building_blocks', min_age_months: 72, max_age_months: 155, price_fen: '59900', stock: 8,
    });
    const second = await upload(`sku,name,price,stock\n${prefix}-1,乐高城市警察局${prefix} 60246,549,5\n${prefix}-3,新玩具,10,1\n`);
    expect(second.body).toMatchObject({ imported: true, created: 1, updated: 1 });
    expect(await toyRow(`${prefix}-1`)).toMatchObject({ name: `乐高城市警察局${prefix} 60246`, price_fen: '54900', stock: 5 });
    const index = await catalogueIndex(harness.system.dataSource, 60);
    expect(index.match(`乐高城市警察局${prefix}60246`)).toMatchObject({ kind: 'one' });
  });

  it('reads a GBK export from Chinese POS software and reports each bad line; nothing is written', async () => {
    const csv = [
      '商品编码,商品名称,分类,适用年龄,零售价(元),库存',
      `${prefix}-g1,磁力片百变套装,积木拼搭,3-8岁,"1,299.00",12`,
      `${prefix}-g2,遥控赛车,车模,6岁以上,两百,4`,
      `${prefix}-g3,木质拼图,拼图,很小的时候,49,-1`,
    ].join('\r\n');
    const refused = await upload(iconv.encode(csv, 'gbk'));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ encoding: 'gbk', rows: 3, imported: false, created: 0, updated: 0 });
    expect(refused.body.rejected).toEqual([
      { line: 3, sku: `${prefix}-g2`, reason: expect.stringContaining('价格「两百」') },
      { line: 4, sku: `${prefix}-g3`, reason: expect.stringMatching(/库存「-1」.*适用年龄「很小的时候」/) },
    ]);
    expect(await toyRow(`${prefix}-g1`)).toBeUndefined();

    const skipped = await upload(iconv.encode(csv, 'gbk'), '?skipErrors=true');
    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchObject({ imported: true, created: 1, rejected: [{ line: 3 }, { line: 4 }] });
    expect(await toyRow(`${prefix}-g1`)).toMatchObject({ name: '磁力片百变套装', category: 'building_blocks', price_fen: '129900', stock: 12 });
    const audit = (await harness.system.dataSource.query("SELECT detail FROM audit_entries WHERE action = 'catalogue.import' ORDER BY id DESC LIMIT 1")) as Array<{ detail: string }>;
    expect(audit[0]!.detail).toBe('created 1, updated 0, rejected 2');
  });

  it('refuses oversized uploads, other content types, and people who are not owners or managers', async () => {
    expect((await fetch(`${harness.server.baseUrl}/api/admin/catalogue/import`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'sku' })).status).toBe(401);
    const clerk = await createStaff(harness.system, { role: 'clerk' });
    const clerkCookie = (await staffClient(harness.server.baseUrl, clerk.username)).cookie;
    expect((await upload('sku,name,price\n', '', { cookie: clerkCookie })).status).toBe(403);
    expect((await upload('x'.repeat(70 * 1024))).status).toBe(413);
    expect((await upload('{"sku":1}', '', { 'content-type': 'application/json' })).status).toBe(415);
    expect((await upload('sku,name,price\n', '?encoding=latin1')).status).toBe(400);
  });

  it('lists toys by sku, a page at a time', async () => {
    const client = await staffClient(harness.server.baseUrl, (await createStaff(harness.system, { role: 'owner' })).username);
    const first = await client.get<ToyPageDto>(`/api/admin/catalogue/toys?limit=2&after=${prefix}`);
    expect(first.body.toys.map((toy) => toy.sku)).toEqual([`${prefix}-1`, `${prefix}-2`]);
    const next = await client.get<ToyPageDto>(`/api/admin/catalogue/toys?limit=2&after=${first.body.nextCursor}`);
    expect(next.body.toys[0]!.sku).toBe(`${prefix}-3`);
  });
});
