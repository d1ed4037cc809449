import { randomBytes } from 'node:crypto';
import type { AutoReplyRuleDto } from '@toyclub/shared';
import type { OfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import { eventually, startOfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import { TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import { createFollower, newOpenid } from '../testing/factories/createFollower';
import { sendCustomMessageTask } from './jobs/SendCustomMessageTask';
import { ownerClient } from './testSupport';
import { textXml } from '../testing/signedPush';

/** Keeps this file's rules apart from other files' in the shared test database. */
const T = `K${randomBytes(2).toString('hex').toUpperCase()}`;

describe('keyword rules that answer with a mini-program card', () => {
  let harness: OfficialAccountHarness;
  let owner: Awaited<ReturnType<typeof ownerClient>>;

  beforeAll(async () => {
    // WeChat's own 5 s before it re-sends: the deliveries here are the test's own, not retries of a slow answer.
    harness = await startOfficialAccountHarness({ simulator: { retryDelayMs: 5000 } });
    owner = await ownerClient(harness);
  });
  afterAll(() => harness.close());

  const createRule = async (pattern: string, reply: object) => {
    const created = await owner.post<AutoReplyRuleDto>('/api/admin/auto-replies', { name: pattern, matchType: 'exact', pattern, reply });
    expect(created.status).toBe(201);
  };

  const customSendsTo = (openid: string) =>
    harness.sim.calls('/cgi-bin/message/custom/send').filter((call) => (call.body as { touser?: string }).touser === openid);

  /** Waits until the official account's queue has nothing left to run (retries included). */
  const queueRunDry = () =>
    eventually(async () => {
      const counts = await harness.system.queues.get('officialAccount').getJobCounts();
      return counts.waiting + counts.active + counts.delayed === 0 ? true : null;
    }, 'the official-account queue to run dry');

  it.each([false, true])(
    'answers the push empty and sends the card once as a customer-service message, however often it is delivered (safe mode: %s)',
    async (encrypt) => {
      const pattern = `积分规则${T}${encrypt ? '加密' : ''}`;
      await createRule(pattern, { type: 'miniprogram', title: '积分规则', pagepath: 'pages/card/index?tab=points', thumbMediaId: 'THUMB_RULES' });
      const openid = newOpenid();
      const xml = textXml(openid, pattern);

      // WeChat delivering the same push three times at once (same bytes, same MsgId).
      const deliveries = await Promise.all([1, 2, 3].map(() => harness.sim.push({ openid, xml, encrypt })));
      for (const delivery of deliveries) expect(delivery).toMatchObject({ outcome: 'empty', userSees: 'nothing', body: '' });
      await eventually(() => customSendsTo(openid)[0], 'the mini-program card');
      await queueRunDry();
      // And once more later, as when an answer was lost on the way back.
      expect(await harness.sim.push({ openid, xml, encrypt })).toMatchObject({ outcome: 'empty', body: '' });
      await queueRunDry();

      expect(customSendsTo(openid).map((call) => call.body)).toEqual([
        {
          touser: openid,
          msgtype: 'miniprogrampage',
          miniprogrampage: { title: '积分规则', appid: TEST_WECHAT_APPS.mp.appId, pagepath: 'pages/card/index?tab=points', thumb_media_id: 'THUMB_RULES' },
        },
      ]);
      expect(harness.sim.inbox(openid).filter((message) => message.kind === 'custom')).toHaveLength(1);
    },
  );

  it('uses the configured card picture when the rule names none', async () => {
    const pattern = `新品卡片${T}`;
    await createRule(pattern, { type: 'miniprogram', title: '本月新品', pagepath: 'pages/polls/index' });
    const openid = newOpenid();
    expect(await harness.sim.push({ openid, msgType: 'text', content: pattern })).toMatchObject({ outcome: 'empty', body: '' });
    const sent = await eventually(() => customSendsTo(openid)[0], 'the mini-program card');
    expect(sent.body).toMatchObject({
      msgtype: 'miniprogrampage',
      miniprogrampage: { title: '本月新品', pagepath: 'pages/polls/index', thumb_media_id: harness.system.config.officialAccount.cardThumbMediaId },
    });
    expect(sent.answer).toMatchObject({ kind: 'json', body: { errcode: 0 } });
  });

  it('drops a card whose 48-hour window has closed and keeps the follower reachable for campaigns', async () => {
    const { openid } = await createFollower(harness.system);
    harness.sim.addFollower({ openid, lastInteractionAt: null });
    const message = { type: 'miniProgramCard' as const, title: '积分规则', appId: TEST_WECHAT_APPS.mp.appId, pagePath: 'pages/card/index', thumbMediaId: 'THUMB' };
    await harness.system.scheduler.schedule(sendCustomMessageTask, { openid, message, key: `window-${openid}` });
    await eventually(() => customSendsTo(openid)[0], 'the refused send');
    await queueRunDry();
    expect(customSendsTo(openid).map((call) => call.answer)).toEqual([{ kind: 'json', body: expect.objectContaining({ errcode: 45015 }) }]);
    const [row] = (await harness.system.dataSource.query('SELECT reachable FROM oa_followers WHERE openid = ?', [openid])) as Array<{ reachable: number }>;
    expect(Number(row?.reachable)).toBe(1);
  });
});
