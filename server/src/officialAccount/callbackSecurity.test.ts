import { wechatSignature } from '../wechat/crypto';
import type { OfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import { startOfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import { TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import { postPush, signedPush, textXml } from '../testing/signedPush';
import { newOpenid } from '../testing/factories/createFollower';

describe('the /wechat callback refuses what is not a genuine WeChat push', () => {
  let harness: OfficialAccountHarness;

  beforeAll(async () => {
    harness = await startOfficialAccountHarness();
  });
  afterAll(() => harness.close());

  async function followerRows(openid: string): Promise<number> {
    const rows = (await harness.system.dataSource.query('SELECT id FROM oa_followers WHERE openid = ?', [openid])) as unknown[];
    return rows.length;
  }

  async function dedupKeys(): Promise<number> {
    return (await harness.system.redis.keys(`${harness.system.config.redis.keyPrefix}oa:dedup:*`)).length;
  }

  it('answers the URL check with echostr when signed, 401 when not', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const query = (signature: string) => `signature=${signature}&timestamp=${timestamp}&nonce=42&echostr=hello-toyclub`;
    const good = await fetch(`${harness.callbackUrl}?${query(wechatSignature(TEST_WECHAT_APPS.oa.token, timestamp, '42'))}`);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('hello-toyclub');
    const bad = await fetch(`${harness.callbackUrl}?${query('0'.repeat(40))}`);
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: 'invalid_signature' });
    const missing = await fetch(harness.callbackUrl);
    expect(missing.status).toBe(400);
  });

  it('passes the simulator’s own URL check', async () => {
    const response = await fetch(`${harness.sim.url}/__sim/verify-callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it.each(['plain', 'safe'] as const)('refuses a forged signature in %s mode, with no effect', async (mode) => {
    const openid = newOpenid();
    const before = await dedupKeys();
    const result = await postPush(signedPush(harness.callbackUrl, textXml(openid, '积分'), { mode, forge: true }));
    expect(result.status).toBe(401);
    expect(await followerRows(openid)).toBe(0);
    expect(await dedupKeys()).toBe(before);
  });

  it('refuses a safe-mode message sealed for another official account (co-wechat does not check the appid)', async () => {
    const openid = newOpenid();
    const result = await postPush(signedPush(harness.callbackUrl, textXml(openid, '积分'), { mode: 'safe', appId: 'wxsomeoneelse0001' }));
    expect(result.status).toBe(401);
    expect(await followerRows(openid)).toBe(0);
  });

  it('refuses malformed XML, entity tricks, processing instructions and deep nesting with 400', async () => {
    const openid = newOpenid();
    const bodies = [
      '<xml><ToUserName>gh</ToUserName><FromUserName>',
      `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xml><FromUserName>${openid}</FromUserName><Content>&lol2;</Content></xml>`,
      `<!DOCTYPE xml SYSTEM "file:///etc/passwd"><xml><FromUserName>${openid}</FromUserName></xml>`,
      `<xml><?php echo 1 ?><FromUserName>${openid}</FromUserName></xml>`,
      `<xml>${'<a>'.repeat(50)}${'</a>'.repeat(50)}</xml>`,
      'not xml at all',
      '{"MsgType":"text"}',
    ];
    for (const body of bodies) {
      const result = await postPush(signedPush(harness.callbackUrl, body));
      expect({ body, status: result.status }).toEqual({ body, status: 400 });
    }
    expect(await followerRows(openid)).toBe(0);
  });

  it('refuses an entity-laden message hidden inside safe-mode encryption', async () => {
    const xml = '<!DOCTYPE xml [<!ENTITY x "y">]><xml><FromUserName>&x;</FromUserName></xml>';
    const result = await postPush(signedPush(harness.callbackUrl, xml, { mode: 'safe' }));
    expect(result.status).toBe(400);
  });

  it('refuses an oversized body with 413 before reading it all, and keeps serving', async () => {
    const huge = textXml(newOpenid(), 'x'.repeat(harness.system.config.officialAccount.maxBodyBytes + 10));
    const result = await postPush(signedPush(harness.callbackUrl, huge));
    expect(result.status).toBe(413);
    const healthy = await fetch(`${harness.server.baseUrl}/healthz`);
    expect(healthy.status).toBe(200);
  });

  it('refuses a push missing the fields its type needs, with 400 and the field names', async () => {
    const openid = newOpenid();
    const noMsgId = `<xml><ToUserName>gh</ToUserName><FromUserName>${openid}</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>hi</Content></xml>`;
    const result = await postPush(signedPush(harness.callbackUrl, noMsgId));
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body)).toMatchObject({ error: 'invalid_message', details: { MsgId: expect.any(String) } });
    const noFrom = '<xml><ToUserName>gh</ToUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>subscribe</Event></xml>';
    expect((await postPush(signedPush(harness.callbackUrl, noFrom))).status).toBe(400);
    const templateWithoutId = `<xml><ToUserName>gh</ToUserName><FromUserName>${openid}</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event><Status>success</Status></xml>`;
    expect((await postPush(signedPush(harness.callbackUrl, templateWithoutId))).status).toBe(400);
    expect(await followerRows(openid)).toBe(0);
  });

  it('refuses a body that is not XML by its content type', async () => {
    const result = await postPush(signedPush(harness.callbackUrl, textXml(newOpenid(), 'hi')), 'application/json');
    expect(result.status).toBe(415);
  });
});
