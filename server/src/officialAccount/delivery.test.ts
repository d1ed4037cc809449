import type { OfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import { eventually, startOfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import { TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import { newOpenid } from '../testing/factories/createFollower';
import { postPush, signedPush, textXml } from '../testing/signedPush';
import { openWechatMessage, readEnvelopeField } from '../wechat/crypto';
import type { TextHandler } from './intents/TextHandler';
import { TEXT_PIPELINE } from './intents/textPipeline';
import { textAnswer } from './replies/Reply';

/** A pipeline step that takes its time and counts how often it really ran. */
function slowStep(delayMs: number, runs: Map<string, number>): TextHandler {
  return async (_request, text) => {
    if (!text.clean.startsWith('慢')) return null;
    runs.set(text.clean, (runs.get(text.clean) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return textAnswer(`慢慢想好了：${text.clean}`);
  };
}

/** A step that fails the first time it sees a text, then answers. */
function flakyStep(failures: Set<string>): TextHandler {
  return async (_request, text) => {
    if (!text.clean.startsWith('抖')) return null;
    if (!failures.has(text.clean)) {
      failures.add(text.clean);
      throw new Error('database hiccup');
    }
    return textAnswer('第二次就好了');
  };
}

/** The plaintext reply XML of a response body, decrypting safe-mode replies. */
function replyXmlOf(body: string): string {
  if (!body.includes('<Encrypt>')) return body;
  const field = (name: string) => readEnvelopeField(body, name) ?? '';
  const { token, aesKey, appId } = TEST_WECHAT_APPS.oa;
  return openWechatMessage({ token, encodingAesKey: aesKey, appId, body, timestamp: field('TimeStamp'), nonce: field('Nonce'), msgSignature: field('MsgSignature') });
}

const contentOf = (xml: string) => /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(xml)?.[1] ?? null;

describe('each push has its effect once and is answered in time', () => {
  describe('concurrent re-deliveries of the same push', () => {
    let harness: OfficialAccountHarness;
    beforeAll(async () => {
      harness = await startOfficialAccountHarness();
    });
    afterAll(() => harness.close());

    const tokensOf = async (openid: string) =>
      ((await harness.system.dataSource.query('SELECT id FROM oa_binding_tokens WHERE openid = ?', [openid])) as unknown[]).length;

    it.each(['plain', 'safe'] as const)('a text delivered three times at once: one effect, one reply (%s mode)', async (mode) => {
      const openid = newOpenid();
      const push = signedPush(harness.callbackUrl, textXml(openid, '我的积分'), { mode });
      const results = await Promise.all([postPush(push), postPush(push), postPush(push)]);
      expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
      const contents = results.map((result) => contentOf(replyXmlOf(result.body)));
      expect(contents[0]).toContain('oaBind=');
      expect(new Set(contents).size).toBe(1);
      expect(await tokensOf(openid)).toBe(1);
    });

    it.each(['plain', 'safe'] as const)('a follow delivered three times at once is recorded and welcomed once (%s mode)', async (mode) => {
      const openid = newOpenid();
      const xml =
        `<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName>` +
        `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>`;
      const push = signedPush(harness.callbackUrl, xml, { mode });
      const results = await Promise.all([postPush(push), postPush(push), postPush(push)]);
      expect(new Set(results.map((result) => contentOf(replyXmlOf(result.body)))).size).toBe(1);
      const events = (await harness.system.dataSource.query('SELECT id FROM oa_channel_events WHERE openid = ?', [openid])) as unknown[];
      expect(events).toHaveLength(1);
      expect(await tokensOf(openid)).toBe(1);
    });
  });

  describe('a handler slower than the reply budget', () => {
    let harness: OfficialAccountHarness;
    const runs = new Map<string, number>();
    beforeAll(async () => {
      harness = await startOfficialAccountHarness({
        config: { officialAccount: { replyBudgetMs: 300 } },
        simulator: { retryDelayMs: 5000 },
        extraCallback: { path: '/wechat/slow', textPipeline: [slowStep(1200, runs), ...TEXT_PIPELINE] },
        pushToExtra: true,
      });
    });
    afterAll(() => harness.close());

    it.each([false, true])('gets an empty answer in time and its real answer as a customer-service message (safe mode: %s)', async (encrypt) => {
      const openid = newOpenid();
      const content = `慢查询${encrypt ? '加密' : ''}`;
      const started = Date.now();
      const push = await harness.sim.push({ openid, msgType: 'text', content, encrypt });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(push).toMatchObject({ outcome: 'empty', userSees: 'nothing', deliveries: 1, body: '' });
      const sent = await eventually(
        () => harness.sim.calls('/cgi-bin/message/custom/send').find((call) => (call.body as { touser?: string }).touser === openid),
        'the customer-service message',
      );
      expect(sent.body).toMatchObject({ msgtype: 'text', text: { content: `慢慢想好了：${content}` } });
      expect(runs.get(content)).toBe(1);
    });
  });

  describe('WeChat’s own re-deliveries when the first answer is late or failed', () => {
    let harness: OfficialAccountHarness;
    const runs = new Map<string, number>();
    const failures = new Set<string>();
    beforeAll(async () => {
      harness = await startOfficialAccountHarness({
        config: { officialAccount: { replyBudgetMs: 2500 } },
        simulator: { retryDelayMs: 600 },
        extraCallback: { path: '/wechat/slow', textPipeline: [slowStep(800, runs), flakyStep(failures), ...TEXT_PIPELINE] },
        pushToExtra: true,
      });
    });
    afterAll(() => harness.close());

    it.each([false, true])('a re-delivery gets the first delivery’s reply and the work runs once (safe mode: %s)', async (encrypt) => {
      const content = `慢一点${encrypt ? '加密' : ''}`;
      const push = await harness.sim.push({ openid: newOpenid(), msgType: 'text', content, encrypt });
      expect(push.deliveries).toBe(2);
      expect(push.outcome).toBe('reply');
      expect(push.reply?.Content).toBe(`慢慢想好了：${content}`);
      expect(runs.get(content)).toBe(1);
    });

    it('when the first of three concurrent deliveries fails, another takes over and all answered ones agree', async () => {
      const push = signedPush(`${harness.server.baseUrl}/wechat/slow`, textXml(newOpenid(), '抖三下'));
      const results = await Promise.all([postPush(push), postPush(push), postPush(push)]);
      expect(results.map((result) => result.status).sort()).toEqual([200, 200, 500]);
      const answered = results.filter((result) => result.status === 200).map((result) => contentOf(result.body));
      expect(answered).toEqual(['第二次就好了', '第二次就好了']);
    });

    it('a push whose handler failed is handled again on WeChat’s re-delivery', async () => {
      const push = await harness.sim.push({ openid: newOpenid(), msgType: 'text', content: '抖一下' });
      expect(push.attempts.map((attempt) => attempt.status)).toEqual([500, 200]);
      expect(push.reply?.Content).toBe('第二次就好了');
    });
  });
});
