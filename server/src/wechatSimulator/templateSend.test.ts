import { isValidWechatSignature, openWechatMessage } from '../wechat/crypto';
import { callWechatApi } from '../testing/callWechatApi';
import { startCallbackReceiver } from '../testing/startCallbackReceiver';
import type { CallbackReceiver } from '../testing/startCallbackReceiver';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import { parseWechatXml } from './push/parseWechatXml';
import type { WechatSimulator } from './startWechatSimulator';

const { oa } = TEST_WECHAT_APPS;

describe('WeChat simulator: template messages', () => {
  let sim: WechatSimulator;
  let receiver: CallbackReceiver;
  let token: string;

  beforeAll(async () => {
    receiver = await startCallbackReceiver();
    sim = await startTestWechatSimulator({ callbackUrl: receiver.url });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(async () => {
    // Let the previous test's job events land before clearing what the receiver saw.
    await sim.idle();
    sim.reset();
    sim.setPushMode('plain');
    receiver.received.length = 0;
    const answer = await callWechatApi(sim.url, '/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: oa.appId, secret: oa.appSecret },
    });
    token = String(answer.json?.access_token);
  });

  const send = (body: Record<string, unknown>) =>
    callWechatApi(sim.url, '/cgi-bin/message/template/send', {
      query: { access_token: token },
      body: { template_id: 'TPL_POINTS', data: { thing1: { value: '积分到账' } }, ...body },
    });

  it('answers a 64-bit msgid as a bare JSON number that json-bigint keeps exact', async () => {
    sim.addFollower({ openid: 'o_alice' });
    const result = await send({ touser: 'o_alice' });
    const msgid = result.json?.msgid;
    expect(result.json).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(typeof msgid).toBe('string');
    expect(BigInt(String(msgid)) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(result.text).toContain(`"msgid":${String(msgid)}}`);
    // Plain JSON.parse loses the low digits: exactly the bug clients must avoid.
    expect(String((JSON.parse(result.text) as { msgid: number }).msgid)).not.toBe(msgid);
  });

  it('sends once per openid + client_msg_id within 10 minutes', async () => {
    sim.addFollower({ openid: 'o_bob' });
    const first = await send({ touser: 'o_bob', client_msg_id: 'campaign-7:o_bob' });
    const again = await send({ touser: 'o_bob', client_msg_id: 'campaign-7:o_bob' });
    expect(again.json?.msgid).toBe(first.json?.msgid);
    expect(sim.inbox('o_bob')).toHaveLength(1);
    sim.advanceClock(600_000);
    const later = await send({ touser: 'o_bob', client_msg_id: 'campaign-7:o_bob' });
    expect(later.json?.msgid).not.toBe(first.json?.msgid);
    expect(sim.inbox('o_bob')).toHaveLength(2);
  });

  it('answers 43004 for a follower who left and 40003 for an unknown openid', async () => {
    sim.addFollower({ openid: 'o_gone', subscribed: false });
    expect((await send({ touser: 'o_gone' })).json?.errcode).toBe(43004);
    expect((await send({ touser: 'o_stranger' })).json).toMatchObject({ errcode: 40003, errmsg: expect.stringContaining('rid: ') });
    expect(sim.inbox()).toHaveLength(0);
  });

  it('pushes TEMPLATESENDJOBFINISH signed with the token, MsgID equal to the msgid', async () => {
    sim.addFollower({ openid: 'o_carol' });
    const msgid = String((await send({ touser: 'o_carol' })).json?.msgid);
    const push = await sim.waitForPush((p) => p.fields.Event === 'TEMPLATESENDJOBFINISH');
    expect(push.outcome).toBe('success');
    const request = receiver.received[0];
    expect(isValidWechatSignature(request.query.signature, oa.token, request.query.timestamp, request.query.nonce)).toBe(true);
    const fields = parseWechatXml(request.body);
    expect(fields).toMatchObject({ MsgType: 'event', Event: 'TEMPLATESENDJOBFINISH', MsgID: msgid, Status: 'success', FromUserName: 'o_carol' });
    expect(request.body).toContain(`<MsgID>${msgid}</MsgID>`);
    expect(fields.CreateTime).toMatch(/^\d{10}$/);
  });

  it('reports failed:user block and failed: system failed for followers marked so', async () => {
    sim.addFollower({ openid: 'o_blocker', blocking: true });
    sim.addFollower({ openid: 'o_unlucky', systemFailure: true });
    await send({ touser: 'o_blocker' });
    await send({ touser: 'o_unlucky' });
    const blocked = await sim.waitForPush((p) => p.fields.FromUserName === 'o_blocker');
    const failed = await sim.waitForPush((p) => p.fields.FromUserName === 'o_unlucky');
    expect(blocked.fields.Status).toBe('failed:user block');
    expect(failed.fields.Status).toBe('failed: system failed');
  });

  it('encrypts the job event in safe mode', async () => {
    sim.setPushMode('safe');
    sim.addFollower({ openid: 'o_dave' });
    const msgid = String((await send({ touser: 'o_dave' })).json?.msgid);
    await sim.waitForPush((p) => p.fields.FromUserName === 'o_dave');
    const { query, body } = receiver.received[0];
    expect(query.encrypt_type).toBe('aes');
    expect(body).not.toContain('TEMPLATESENDJOBFINISH');
    const xml = openWechatMessage({
      token: oa.token,
      encodingAesKey: oa.aesKey,
      appId: oa.appId,
      body,
      timestamp: query.timestamp,
      nonce: query.nonce,
      msgSignature: query.msg_signature,
    });
    expect(parseWechatXml(xml)).toMatchObject({ Event: 'TEMPLATESENDJOBFINISH', MsgID: msgid });
  });

  it('does the work behind a slow answer: a client that timed out and retries the client_msg_id gets the same msgid', async () => {
    sim.addFollower({ openid: 'o_timeout' });
    sim.addFault({ path: '/cgi-bin/message/template/send', latencyMs: 400, count: 1 });
    const url = `${sim.url}/cgi-bin/message/template/send?access_token=${token}`;
    const body = JSON.stringify({ touser: 'o_timeout', template_id: 'T', client_msg_id: 'order-9', data: {} });
    await expect(fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(50) })).rejects.toThrow();
    const retry = await send({ touser: 'o_timeout', client_msg_id: 'order-9' });
    const slow = await sim.waitForPush((p) => p.fields.FromUserName === 'o_timeout');
    expect(retry.json?.msgid).toBe(slow.fields.MsgID);
    expect(sim.inbox('o_timeout')).toHaveLength(1);
  });
});
