import { randomBytes } from 'node:crypto';
import type { AutoReplyRuleDto } from '@toyclub/shared';
import { runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import { creditPoints } from '../points/pointsLedger';
import type { OfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import { eventually, startOfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import { createFollower, newOpenid } from '../testing/factories/createFollower';
import { createMember } from '../testing/factories/createMember';
import { createStaff, staffClient } from '../testing/factories/createStaff';
import { createStore } from '../testing/factories/createStore';
import { createToy } from '../testing/factories/createToy';
import { grantPoints } from '../testing/factories/grantPoints';
import { bindingTokenIn, ownerClient, replyText } from './testSupport';
import { DAY_MS } from '../time/dayMs';

/** Keeps this file's toys and rules apart from other files' in the shared test database. */
const T = `Q${randomBytes(2).toString('hex').toUpperCase()}`;

describe('text intents that know the member and the store’s toys', () => {
  let harness: OfficialAccountHarness;
  let owner: Awaited<ReturnType<typeof ownerClient>>;

  beforeAll(async () => {
    harness = await startOfficialAccountHarness();
    owner = await ownerClient(harness);
    await createToy(harness.system, { name: `乐高城市警察局${T}`, aliases: [`LEGO警察局${T}`], minAgeMonths: 72, maxAgeMonths: 155, stock: 8, priceFen: 59900 });
    await createToy(harness.system, { name: `${T}小猪佩奇毛绒`, minAgeMonths: 18, stock: 2, priceFen: 12900 });
    await createToy(harness.system, { name: `${T}小猪佩奇积木`, minAgeMonths: 36, maxAgeMonths: 83, stock: 0, priceFen: 19900 });
  });
  afterAll(() => harness.close());

  const say = (openid: string, content: string) => harness.sim.push({ openid, msgType: 'text', content });

  async function boundMember(tierCode?: string) {
    const { member } = await createMember(harness.system, { tierCode });
    const { openid } = await createFollower(harness.system, { memberId: member.id });
    return { member, openid };
  }

  it('answers 我的积分 with the balance and the points about to expire', async () => {
    const { member, openid } = await boundMember();
    await grantPoints(harness.system, member.id, 1200);
    await runInTransaction(harness.system.dataSource, async (manager) => {
      const locked = await lockMember(manager, member.id);
      const now = new Date();
      await creditPoints({ manager, member: locked, points: 80, reason: 'adjustment', note: 'test', now, expiresAt: new Date(now.getTime() + 10 * DAY_MS) });
    });
    for (const text of ['我的积分', '积分', '查积分？', ' 积分多少 ']) {
      harness.sim.advanceClock(1000);
      const answer = replyText(await say(openid, text));
      expect(answer).toContain('您当前的积分：1,280 分');
      expect(answer).toMatch(/30天内将过期：80 分（最早 \d{4}-\d{2}-\d{2} 到期）/);
    }
  });

  it('tells each follower their own points when many ask at once (their lookups share a query)', async () => {
    const members = await Promise.all([100, 200, 300, 400].map(async (points) => ({ ...(await boundMember()), points })));
    for (const { member, points } of members) await grantPoints(harness.system, member.id, points);
    const unbound = newOpenid();
    const answers = await Promise.all([...members.map(({ openid }) => say(openid, '我的积分')), say(unbound, '积分')]);
    expect(answers.slice(0, 4).map((push) => /您当前的积分：(\d+) 分/.exec(replyText(push))?.[1])).toEqual(['100', '200', '300', '400']);
    expect(replyText(answers[4]!)).toContain('还没有关联会员卡');
    // Their interactions (the 48-hour customer-service window) are recorded, the unknown sender's too.
    const openids = [...members.map(({ openid }) => openid), unbound];
    const touched = (await harness.system.dataSource.query(
      `SELECT openid FROM oa_followers WHERE last_interaction_at IS NOT NULL AND openid IN (${openids.map(() => '?').join(', ')})`,
      openids,
    )) as Array<{ openid: string }>;
    expect(touched.map((row) => row.openid).sort()).toEqual([...openids].sort());
  });

  it('asks an unbound follower to bind their card before telling points', async () => {
    const answer = replyText(await say(newOpenid(), '我的积分'));
    expect(answer).toContain('还没有关联会员卡');
    expect(bindingTokenIn(answer)).not.toBeNull();
  });

  it('tells a toy’s age range and whether it suits each of the member’s children now', async () => {
    const { member, openid } = await boundMember();
    const year = new Date().getFullYear();
    await harness.system.dataSource.query(
      `INSERT INTO children (member_id, name, birth_year, birth_month, birth_day, interests) VALUES
       (?, '大宝', ?, 1, 1, '[]'), (?, '二宝', ?, 1, 1, '[]'), (?, '小宝', NULL, 5, 5, '[]')`,
      [member.id, year - 8, member.id, year - 3, member.id],
    );
    const answer = replyText(await say(openid, `乐高城市警察局${T} 适合几岁`));
    expect(answer).toContain(`乐高城市警察局${T}：适合6-12岁。`);
    expect(answer).toMatch(/大宝（8岁(\d+个月)?）：正合适/);
    expect(answer).toMatch(/二宝（3岁(\d+个月)?）：还小一点，建议6岁以后再玩/);
    expect(answer).toContain('小宝：没有填写出生年份');
  });

  it('matches toy names loosely: aliases, full-width letters, spaces, partial names', async () => {
    const openid = newOpenid();
    expect(replyText(await say(openid, `ＬＥＧＯ 警察局${T}适合多大？`))).toContain(`乐高城市警察局${T}：适合6-12岁`);
    expect(replyText(await say(openid, `请问 城市 警察局${T} 适合几岁`))).toContain(`乐高城市警察局${T}`);
    expect(replyText(await say(openid, `${T}小猪佩奇 有货吗`))).toMatch(/您问的是哪一款？\n1\. .+\n2\. .+/);
    expect(replyText(await say(openid, `不存在的玩具${T}适合几岁`))).toContain('没有找到');
    expect(replyText(await say(openid, '有没有货'))).toContain('想问哪款玩具');
  });

  it('tells stock and price, read fresh', async () => {
    const openid = newOpenid();
    expect(replyText(await say(openid, `乐高城市警察局${T}有货吗`))).toBe(`乐高城市警察局${T}：有货（¥599.00），欢迎到店选购。`);
    expect(replyText(await say(openid, `${T}小猪佩奇毛绒 还有货吗`))).toContain('仅剩 2 件');
    expect(replyText(await say(openid, `有没有${T}小猪佩奇积木`))).toContain('暂时缺货');
    await harness.system.dataSource.query('UPDATE toys SET stock = 0 WHERE name = ?', [`乐高城市警察局${T}`]);
    expect(replyText(await say(openid, `乐高城市警察局${T} 有没有货`))).toContain('暂时缺货');
  });

  it('answers 营业时间, 地址 and 怎么买 from the stores and the configured text', async () => {
    const { store } = await createStore(harness.system, { name: `旗舰店${T}` });
    await harness.system.dataSource.query("UPDATE stores SET address = '人民路88号', opening_hours = '10:00-21:00', phone = '0571-88888888' WHERE id = ?", [store.id]);
    const openid = newOpenid();
    expect(replyText(await say(openid, '营业时间'))).toContain(`· 旗舰店${T}  营业时间：10:00-21:00  电话：0571-88888888`);
    expect(replyText(await say(openid, '你们店地址在哪'))).toContain(`· 旗舰店${T}  地址：人民路88号  电话：0571-88888888`);
    expect(replyText(await say(openid, '怎么买'))).toContain(harness.system.config.officialAccount.texts.howToBuy);
  });

  it('hands top-tier members to a person when nothing answers, and helps everyone else', async () => {
    const gold = await boundMember('gold');
    expect((await say(gold.openid, `随便聊聊${T}`)).reply?.MsgType).toBe('transfer_customer_service');
    const normal = await boundMember();
    expect(replyText(await say(normal.openid, `随便聊聊${T}`))).toBe(harness.system.config.officialAccount.texts.fallback);
    expect((await say(normal.openid, '人工客服')).reply?.MsgType).toBe('transfer_customer_service');
  });

  it('sends an owner today’s figures as a customer-service message; the same text from others is not a command', async () => {
    const { member, openid } = await boundMember();
    await createStaff(harness.system, { role: 'owner', memberId: member.id });
    const asked = await say(openid, '今日');
    expect(asked.outcome).toBe('empty');
    const sent = await eventually(
      () => harness.sim.calls('/cgi-bin/message/custom/send').find((call) => (call.body as { touser?: string }).touser === openid),
      'the figures to be sent',
    );
    expect(JSON.stringify(sent.body)).toMatch(/今日概况.*新会员.*消费.*发放积分.*模板消息推送/);
    expect(replyText(await say(newOpenid(), '今日'))).toBe(harness.system.config.officialAccount.texts.fallback);
  });

  it('uses the owner’s keyword rules first, by priority, and refuses unsafe patterns', async () => {
    const openid = newOpenid();
    const create = (body: object) => owner.post<AutoReplyRuleDto>('/api/admin/auto-replies', body);
    const low = await create({ name: '停车', matchType: 'contains', pattern: `停车${T}`, reply: { type: 'text', content: '门口有免费停车位' } });
    expect(low.status).toBe(201);
    expect(replyText(await say(openid, `请问停车${T}方便吗`))).toBe('门口有免费停车位');
    const high = await create({ name: '停车优先', matchType: 'regex', pattern: `^请问停车${T}`, priority: 10, reply: { type: 'image', mediaId: 'MEDIA_PARKING' } });
    expect(high.status).toBe(201);
    const image = await say(openid, `请问停车${T}方便吗`);
    expect(image.reply?.MsgType).toBe('image');
    expect(image.replyXml).toContain('MEDIA_PARKING');
    await create({ name: '积分规则', matchType: 'exact', pattern: `积分规则${T}`, reply: { type: 'miniprogram', title: '积分规则', pagepath: 'pages/mine/index?tab=points', thumbMediaId: 'THUMB' } });
    // A card cannot be a passive reply: the push is answered empty and the card follows (miniProgramCard.test.ts).
    expect(await say(openid, `积分规则${T}`)).toMatchObject({ outcome: 'empty', body: '' });

    expect((await owner.put(`/api/admin/auto-replies/${high.body.id}`, { ...high.body, enabled: false })).status).toBe(200);
    expect(replyText(await say(openid, `请问停车${T}方便吗`))).toBe('门口有免费停车位');
    expect((await owner.delete(`/api/admin/auto-replies/${low.body.id}`)).status).toBe(204);
    expect(replyText(await say(openid, `请问停车${T}方便吗`))).toBe(harness.system.config.officialAccount.texts.fallback);

    expect((await create({ name: 'bad', matchType: 'regex', pattern: '(a+)+$', reply: { type: 'text', content: 'x' } })).status).toBe(400);
    expect((await create({ name: 'bad', matchType: 'regex', pattern: '([', reply: { type: 'text', content: 'x' } })).status).toBe(400);
    const listed = await owner.get<{ rules: AutoReplyRuleDto[] }>('/api/admin/auto-replies');
    expect(listed.body.rules.map((rule) => rule.name)).toEqual(expect.arrayContaining(['停车优先', '积分规则']));
    const clerk = await createStaff(harness.system, { role: 'clerk' });
    expect((await (await staffClient(harness.server.baseUrl, clerk.username)).get('/api/admin/auto-replies')).status).toBe(403);
    expect((await fetch(`${harness.server.baseUrl}/api/admin/auto-replies`)).status).toBe(401);
  });
});
