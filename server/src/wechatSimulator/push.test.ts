import { encryptedReplyXml, isValidWechatSignature, openWechatMessage, sealWechatMessage } from '../wechat/crypto';
import { callWechatApi } from '../testing/callWechatApi';
import { startCallbackReceiver } from '../testing/startCallbackReceiver';
import type { CallbackReceiver, ReceivedRequest, ReceiverAnswer } from '../testing/startCallbackReceiver';
import { startTestWechatSimulator, TEST_WECHAT_APPS } from '../testing/startTestWechatSimulator';
import { buildWechatXml } from './push/buildWechatXml';
import { parseWechatXml } from './push/parseWechatXml';
import type { WechatSimulator } from './startWechatSimulator';

const { oa } = TEST_WECHAT_APPS;

/** The plaintext of a push, decrypting safe-mode envelopes. */
function plaintextOf(request: ReceivedRequest): string {
  if (request.query.encrypt_type !== 'aes') return request.body;
  return openWechatMessage({
    token: oa.token,
    encodingAesKey: oa.aesKey,
    appId: oa.appId,
    body: request.body,
    timestamp: request.query.timestamp,
    nonce: request.query.nonce,
    msgSignature: request.query.msg_signature,
  });
}

function textReply(push: Record<string, string>, content: string): string {
  return buildWechatXml({ ToUserName: push.FromUserName, FromUserName: push.ToUserName, CreateTime: 1700000000, MsgType: 'text', Content: content });
}

describe('WeChat simulator: pushes to our server', () => {
  let sim: WechatSimulator;
  let receiver: CallbackReceiver;
  let answer: (request: ReceivedRequest) => ReceiverAnswer;

  beforeAll(async () => {
    receiver = await startCallbackReceiver((request) => answer(request));
    sim = await startTestWechatSimulator({ callbackUrl: receiver.url, retryDelayMs: 250 });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await sim.idle();
    sim.reset();
    sim.setPushMode('plain');
    receiver.received.length = 0;
    answer = () => ({ body: 'success' });
  });

  it('posts a signed text message with a 64-bit MsgId and shows our reply to the user', async () => {
    answer = (request) => ({ body: textReply(parseWechatXml(request.body), '欢迎来到玩具会员俱乐部') });
    const push = await sim.push({ openid: 'o_text', msgType: 'text', content: '积分' });
    expect(push).toMatchObject({ outcome: 'reply', userSees: 'reply', deliveries: 1, reply: { Content: '欢迎来到玩具会员俱乐部' } });
    const [request] = receiver.received;
    expect(isValidWechatSignature(request.query.signature, oa.token, request.query.timestamp, request.query.nonce)).toBe(true);
    expect(request.query.openid).toBe('o_text');
    const fields = parseWechatXml(request.body);
    expect(fields).toMatchObject({ MsgType: 'text', Content: '积分', FromUserName: 'o_text', ToUserName: sim.context.apps.oa.originalId });
    expect(BigInt(fields.MsgId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(request.body).toMatch(/<CreateTime>\d{10}<\/CreateTime>/);
    expect(sim.follower('o_text')?.lastInteractionAt).toBeDefined();
  });

  it('re-sends the same request after each timeout, 3 deliveries at most, until "success"', async () => {
    answer = (request) => (request.index < 3 ? { hang: true } : { body: 'success' });
    const push = await sim.push({ openid: 'o_slow', msgType: 'text', content: 'hello' });
    expect(push).toMatchObject({ outcome: 'success', deliveries: 3, userSees: 'nothing' });
    expect(push.attempts.map((attempt) => attempt.result)).toEqual(['timeout', 'timeout', 'answered']);
    const bodies = receiver.received.map((request) => parseWechatXml(request.body));
    expect(new Set(bodies.map((fields) => fields.MsgId)).size).toBe(1);
    expect(new Set(bodies.map((fields) => fields.CreateTime)).size).toBe(1);
  });

  it('gives up after 3 deliveries; the user sees the error prompt', async () => {
    answer = () => ({ hang: true });
    const push = await sim.push({ openid: 'o_dead', event: 'CLICK', msgType: 'event', eventKey: 'MY_POINTS' });
    expect(push).toMatchObject({ outcome: 'timeout', deliveries: 3, userSees: 'error_prompt' });
    expect(receiver.received).toHaveLength(3);
  });

  it('stops at once on a 0-byte body', async () => {
    answer = () => ({ body: '' });
    const push = await sim.push({ openid: 'o_quiet', msgType: 'event', event: 'CLICK', eventKey: 'K' });
    expect(push).toMatchObject({ outcome: 'empty', deliveries: 1, userSees: 'nothing' });
  });

  it('retries on a server error and judges a malformed reply as the error prompt', async () => {
    answer = (request) => (request.index === 1 ? { status: 500, body: 'oops' } : { body: '{"json":"is not a reply"}' });
    const push = await sim.push({ openid: 'o_bad', msgType: 'text', content: 'x' });
    expect(push).toMatchObject({ outcome: 'invalid_reply', deliveries: 2, userSees: 'error_prompt' });
    answer = (request) => ({ body: textReply(parseWechatXml(request.body), '') });
    expect((await sim.push({ openid: 'o_bad', msgType: 'text', content: 'x' })).problem).toBe('empty Content');
  });

  it('encrypts in safe mode and decrypts our encrypted reply (AES round trip)', async () => {
    sim.setPushMode('safe');
    answer = (request) => {
      const sealed = sealWechatMessage({
        token: oa.token,
        encodingAesKey: oa.aesKey,
        appId: oa.appId,
        xml: textReply(parseWechatXml(plaintextOf(request)), '加密回复'),
        timestamp: '1700000001',
        nonce: '42',
      });
      return { body: encryptedReplyXml(sealed) };
    };
    const push = await sim.push({ openid: 'o_aes', msgType: 'text', content: '秘密' });
    expect(push).toMatchObject({ outcome: 'reply', mode: 'safe', reply: { Content: '加密回复' } });
    const [request] = receiver.received;
    expect(request.query).toMatchObject({ encrypt_type: 'aes', msg_signature: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(request.body).not.toContain('秘密');
    expect(parseWechatXml(plaintextOf(request)).Content).toBe('秘密');

    answer = (req) => ({ body: textReply(parseWechatXml(plaintextOf(req)), 'plain') });
    expect((await sim.push({ openid: 'o_aes', msgType: 'text', content: 'x' })).problem).toBe('plaintext reply in safe mode');
  });

  it('sends both plaintext and Encrypt in compatible mode', async () => {
    const push = await sim.push({ openid: 'o_compat', msgType: 'text', content: '兼容', mode: 'compatible' });
    expect(push.outcome).toBe('success');
    const [request] = receiver.received;
    expect(parseWechatXml(request.body).Content).toBe('兼容');
    expect(parseWechatXml(plaintextOf(request)).Content).toBe('兼容');
  });

  it('turns QR scans into subscribe (qrscene_ + Ticket) for newcomers and SCAN for followers', async () => {
    const token = String((await callWechatApi(sim.url, '/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: oa.appId, secret: oa.appSecret },
    })).json?.access_token);
    const created = await callWechatApi(sim.url, '/cgi-bin/qrcode/create', {
      query: { access_token: token },
      body: { expire_seconds: 600, action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'store-7' } } },
    });
    expect(created.json).toMatchObject({ ticket: expect.any(String), expire_seconds: 600, url: expect.stringMatching(/^http:\/\/weixin\.qq\.com\/q\//) });
    const ticket = String(created.json?.ticket);

    const first = await sim.scan('o_new', ticket);
    expect(first.fields).toMatchObject({ Event: 'subscribe', EventKey: 'qrscene_store-7', Ticket: ticket });
    const second = await sim.scan('o_new', ticket);
    expect(second.fields).toMatchObject({ Event: 'SCAN', EventKey: 'store-7', Ticket: ticket });
    const info = await callWechatApi(sim.url, '/cgi-bin/user/info', { query: { access_token: token, openid: 'o_new' } });
    expect(info.json).toMatchObject({ subscribe: 1, subscribe_scene: 'ADD_SCENE_QR_CODE', qr_scene_str: 'store-7' });

    await sim.push({ openid: 'o_new', msgType: 'event', event: 'unsubscribe' });
    expect(sim.follower('o_new')?.subscribed).toBe(false);
    const send = await callWechatApi(sim.url, '/cgi-bin/message/template/send', {
      query: { access_token: token },
      body: { touser: 'o_new', template_id: 'T', data: {} },
    });
    expect(send.json?.errcode).toBe(43004);
  });

  it('offers the same through HTTP: /__sim/push answers what the server said', async () => {
    answer = (request) => ({ body: textReply(parseWechatXml(request.body), 'pong') });
    const response = await fetch(`${sim.url}/__sim/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ openid: 'o_http', content: 'ping' }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ outcome: 'reply', status: 200, deliveries: 1, msgId: expect.stringMatching(/^\d{19}$/) });
    expect(String(body.body)).toContain('pong');
  });

  it('checks the callback URL the way the WeChat console does', async () => {
    answer = (request) => ({ body: request.query.echostr });
    const response = await fetch(`${sim.url}/__sim/verify-callback`, { method: 'POST' });
    expect(await response.json()).toMatchObject({ ok: true, status: 200 });
    expect(receiver.received[0].method).toBe('GET');
  });
});
