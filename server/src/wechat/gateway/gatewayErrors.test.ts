import type { WechatErrorAction } from './wechatErrorActions';
import type { GatewayHarness } from '../../testing/startGatewayHarness';
import { startGatewayHarness } from '../../testing/startGatewayHarness';
import { WechatApiError } from './WechatApiError';

const TEMPLATE_SEND = '/cgi-bin/message/template/send';
const QUOTA = '/cgi-bin/openapi/quota/get';
const RID = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

describe('WeChat gateway failures against the simulator', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness({ timeoutMs: 300 });
  });
  afterAll(() => harness.close());

  beforeEach(async () => {
    harness.sim.reset();
    harness.sleeps.length = 0;
    await harness.forgetTokens();
    harness.sim.addFollower({ openid: 'o-member' });
    await harness.gateway.oa.quota(TEMPLATE_SEND); // a cached token, so calls below are the only ones
    harness.sim.clearCalls();
  });

  const send = (clientMsgId?: string, openid = 'o-member') =>
    harness.gateway.oa.sendTemplate({ openid, templateId: 'tpl-points', data: { thing1: '积分到账' }, clientMsgId });
  const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as WechatApiError);
  const clientMsgIds = () => harness.sim.calls(TEMPLATE_SEND).map((call) => (call.body as { client_msg_id?: string }).client_msg_id);

  it('returns msgids above 2^53 as exact strings', async () => {
    const { msgId } = await send();
    expect(BigInt(msgId)).toBeGreaterThan(2n ** 53n);
    // The simulator logs the id it wrote as an exact string.
    const answer = harness.sim.calls(TEMPLATE_SEND)[0].answer as { body: { msgid: string } };
    expect(msgId).toBe(answer.body.msgid);
  });

  const injected: Array<[number, WechatErrorAction]> = [
    [43004, 'memberUnreachable'],
    [40003, 'memberUnreachable'],
    [43101, 'reauthorise'],
    [45009, 'pauseUntilTomorrow'],
    [45011, 'slowDown'],
    [43117, 'slowDown'],
    [40037, 'stopCampaign'],
    [48001, 'stopCampaign'],
    [40164, 'stopCampaign'],
    [12345, 'fail'],
  ];

  it.each(injected)('surfaces an injected %d as action %s, once, with path and rid', async (errcode, action) => {
    harness.sim.addFault({ path: TEMPLATE_SEND, errcode, count: 1 });
    const error = await failure(send('c-1'));
    expect(error).toBeInstanceOf(WechatApiError);
    expect(error).toMatchObject({ errcode, action, app: 'oa', path: TEMPLATE_SEND, clientMsgId: 'c-1' });
    expect(error?.rid).toMatch(RID);
    expect(harness.sim.calls(TEMPLATE_SEND)).toHaveLength(1);
  });

  it('maps WeChat’s own refusal of an unfollowed member (43004) to memberUnreachable', async () => {
    harness.sim.addFollower({ openid: 'o-gone', subscribed: false });
    expect(await failure(send(undefined, 'o-gone'))).toMatchObject({ errcode: 43004, action: 'memberUnreachable' });
  });

  it('retries -1 with growing backoff, reusing the client_msg_id', async () => {
    harness.sim.addFault({ path: TEMPLATE_SEND, errcode: -1, count: 2 });
    const { msgId } = await send('campaign-1-member-1');
    expect(msgId).toMatch(/^\d+$/);
    expect(clientMsgIds()).toEqual(['campaign-1-member-1', 'campaign-1-member-1', 'campaign-1-member-1']);
    expect(harness.sleeps).toHaveLength(2);
    expect(harness.sleeps[1]).toBeGreaterThan(harness.sleeps[0]);
  });

  it('gives up on -1 after the last attempt with action retryWithBackoff', async () => {
    harness.sim.addFault({ path: TEMPLATE_SEND, errcode: -1 });
    expect(await failure(send('c-2'))).toMatchObject({ errcode: -1, action: 'retryWithBackoff' });
    expect(harness.sim.calls(TEMPLATE_SEND)).toHaveLength(4);
  });

  it('surfaces a timeout as an unknown outcome carrying the clientMsgId, without retrying the send', async () => {
    // WeChat carries out the send, but answers after our deadline.
    harness.sim.addFault({ path: TEMPLATE_SEND, latencyMs: 1000, count: 1 });
    const error = await failure(send('campaign-2-member-1'));
    expect(error).toMatchObject({ errcode: null, action: 'unknownOutcome', unknownOutcome: true, clientMsgId: 'campaign-2-member-1' });
    expect(error?.message).toContain('retry only with the same client_msg_id (campaign-2-member-1) within 10 minutes');
    expect(harness.sleeps).toEqual([]);
    await harness.sim.idle();

    // The caller's retry with the same id is deduplicated by WeChat: one message in all.
    const retried = await send('campaign-2-member-1');
    expect(retried.msgId).toMatch(/^\d+$/);
    expect(harness.sim.inbox('o-member')).toHaveLength(1);
  });

  it('retries idempotent reads after a timeout or a dropped connection', async () => {
    harness.sim.addFault({ path: QUOTA, latencyMs: 1000, count: 1 });
    harness.sim.addFault({ path: QUOTA, drop: true, count: 1 });
    const quota = await harness.gateway.oa.quota(TEMPLATE_SEND);
    expect(quota.dailyLimit).toBeGreaterThan(0);
    expect(harness.sleeps).toHaveLength(2);
  });

  it('surfaces a dropped send as an unknown outcome', async () => {
    harness.sim.addFault({ path: TEMPLATE_SEND, drop: true, processFirst: true, count: 1 });
    expect(await failure(send('c-3'))).toMatchObject({ action: 'unknownOutcome', clientMsgId: 'c-3' });
  });

  it('reports the daily quota as quota/get sees it', async () => {
    harness.sim.setQuota(TEMPLATE_SEND, { daily: 2, perMinute: 100 });
    await send('q-1');
    const quota = await harness.gateway.quota(TEMPLATE_SEND);
    expect(quota).toMatchObject({ dailyLimit: 2, used: 1, remain: 1 });
    await send('q-2');
    expect(await failure(send('q-3'))).toMatchObject({ errcode: 45009, action: 'pauseUntilTomorrow' });
  });
});
