import type { GatewayHarness } from '../../testing/startGatewayHarness';
import { startGatewayHarness } from '../../testing/startGatewayHarness';
import type { WechatGateway } from './WechatGateway';

const TEMPLATE_SEND = '/cgi-bin/message/template/send';
const STABLE_TOKEN = '/cgi-bin/stable_token';

describe('WeChat gateway access tokens against the simulator', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness();
  });
  afterAll(() => harness.close());

  const openids = Array.from({ length: 100 }, (_, i) => `o-token-${i}`);

  beforeEach(async () => {
    harness.sim.reset();
    await harness.forgetTokens();
    for (const openid of openids) harness.sim.addFollower({ openid });
  });

  /** 100 concurrent template sends spread over `processes`, each with its own client_msg_id. */
  function sendFromAll(processes: WechatGateway[], tag: string) {
    return Promise.all(
      openids.map((openid, i) =>
        processes[i % processes.length].oa.sendTemplate({
          openid,
          templateId: 'tpl-points',
          data: { thing1: '积分到账' },
          clientMsgId: `${tag}-${i}`,
        }),
      ),
    );
  }

  /** The access_token each recorded call carried. */
  const tokensUsed = (path: string) => harness.sim.calls(path).map((call) => call.query.access_token);

  it('fetches the token exactly once for 100 concurrent calls in 4 processes', async () => {
    const processes = [harness.gateway, harness.newProcess(), harness.newProcess(), harness.newProcess()];
    const results = await sendFromAll(processes, 'absent');
    expect(results).toHaveLength(100);
    expect(harness.sim.calls(STABLE_TOKEN)).toHaveLength(1);
    expect(harness.sim.calls(STABLE_TOKEN)[0].body).toMatchObject({ force_refresh: false });
    const token = await harness.cachedOaToken();
    expect(new Set(tokensUsed(TEMPLATE_SEND))).toEqual(new Set([token]));
  });

  it('recovers 100 concurrent calls from an expired token (42001) with one fetch', async () => {
    const processes = [harness.gateway, harness.newProcess()];
    await harness.gateway.oa.quota(TEMPLATE_SEND); // caches a token
    const expired = await harness.cachedOaToken();
    harness.sim.expireTokens();
    harness.sim.clearCalls();

    await sendFromAll(processes, 'expired');

    expect(harness.sim.calls(STABLE_TOKEN)).toHaveLength(1);
    const fresh = await harness.cachedOaToken();
    expect(fresh).not.toBe(expired);
    for (const call of harness.sim.calls(TEMPLATE_SEND)) {
      const errcode = (call.answer as { body: { errcode?: number } }).body.errcode ?? 0;
      expect(errcode).toBe(call.query.access_token === expired ? 42001 : 0);
    }
    // Every member got exactly one message.
    expect(harness.sim.inbox()).toHaveLength(100);
  });

  it('recovers from a token revoked on WeChat’s side (40001) with one refresh and one retry', async () => {
    await harness.gateway.oa.quota(TEMPLATE_SEND);
    const revoked = await harness.cachedOaToken();
    harness.sim.invalidateTokens();
    harness.sim.clearCalls();

    const { msgId } = await harness.gateway.oa.sendTemplate({ openid: openids[0], templateId: 'tpl', data: { thing1: 'x' } });

    expect(msgId).toMatch(/^\d+$/);
    expect(harness.sim.calls(STABLE_TOKEN)).toHaveLength(1);
    const fresh = await harness.cachedOaToken();
    expect(tokensUsed(TEMPLATE_SEND)).toEqual([revoked, fresh]);
  });

  it('does not evict a token another process has already refreshed', async () => {
    const slow = harness.gateway;
    const quick = harness.newProcess();
    await slow.oa.quota(TEMPLATE_SEND);
    const revoked = await harness.cachedOaToken();
    harness.sim.invalidateTokens();
    harness.sim.clearCalls();
    // Process 1's send is answered (40001) only after process 2 has refreshed the token.
    harness.sim.addFault({ path: TEMPLATE_SEND, latencyMs: 1500, count: 1 });
    const slowSend = slow.oa.sendTemplate({ openid: openids[0], templateId: 'tpl', data: { thing1: 'x' } });
    while (harness.sim.context.faults.list().length > 0) await new Promise((resolve) => setTimeout(resolve, 5));

    await quick.oa.sendTemplate({ openid: openids[1], templateId: 'tpl', data: { thing1: 'y' } });
    const refreshed = await harness.cachedOaToken();
    await slowSend;

    expect(refreshed).not.toBe(revoked);
    // Process 1's late eviction of the revoked token left the refreshed one in place.
    expect(await harness.cachedOaToken()).toBe(refreshed);
    expect(harness.sim.calls(STABLE_TOKEN)).toHaveLength(1);
    expect(tokensUsed(TEMPLATE_SEND).sort()).toEqual([revoked, revoked, refreshed, refreshed].sort());
  });

  it('forces one refresh when WeChat refuses (40001) a token stable_token still hands out', async () => {
    await harness.gateway.oa.quota(TEMPLATE_SEND);
    harness.sim.clearCalls();
    harness.sim.addFault({ path: TEMPLATE_SEND, errcode: 40001, count: 1 });

    await harness.gateway.oa.sendTemplate({ openid: openids[0], templateId: 'tpl', data: { thing1: 'x' } });

    expect(harness.sim.calls(STABLE_TOKEN).map((call) => (call.body as { force_refresh: boolean }).force_refresh)).toEqual([false, true]);
    expect(harness.sim.calls(TEMPLATE_SEND)).toHaveLength(2);
  });
});
