import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerSubscribePopup } from './actions/answerSubscribePopup';
import { pushFromUser } from './actions/pushFromUser';
import { resetSimulator } from './actions/resetSimulator';
import { scanQrCode } from './actions/scanQrCode';
import { dispatchWechatApi } from './api/dispatchWechatApi';
import { writeWechatJson } from './api/wechatJson';
import { allControlRoutes } from './control/allControlRoutes';
import { dispatchControl } from './control/dispatchControl';
import { createSimContext } from './createSimContext';
import { allWechatRoutes } from './routes/allWechatRoutes';
import type { SimContext } from './SimContext';
import type { WechatSimulatorOptions } from './simulatorOptions';
import type { WechatSimulator } from './WechatSimulator';

export type { WechatSimulator } from './WechatSimulator';
export type { WechatSimulatorOptions } from './simulatorOptions';

function createServer(context: SimContext): http.Server {
  const routes = allWechatRoutes(context);
  const control = allControlRoutes(context);
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname === '/') {
      writeWechatJson(res, { simulator: 'ToyClub WeChat simulator', oa: context.apps.oa.appId, mp: context.apps.mp.appId, control: '/__sim' });
      return;
    }
    const work =
      url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')
        ? dispatchControl(control, req, res, url, context.logger)
        : dispatchWechatApi(context, routes, req, res, url);
    work.catch((error: unknown) => {
      context.logger.error({ err: error, path: url.pathname }, 'simulator request failed');
      if (!res.headersSent) writeWechatJson(res, { errcode: -1, errmsg: 'system error' }, 500);
      else res.destroy();
    });
  });
}

function helpers(context: SimContext): Omit<WechatSimulator, 'url' | 'port' | 'close'> {
  return {
    settings: context.settings,
    context,
    setCallbackUrl: (url) => void (context.settings.callbackUrl = url),
    setPushMode: (mode) => void (context.settings.pushMode = mode),
    now: () => context.clock.now(),
    advanceClock: (ms) => context.clock.advance(ms),
    addFollower: (input) => context.followers.upsert(input),
    follower: (openid) => context.followers.get(openid),
    createLoginCode: (openid, unionid) => context.mpUsers.createLoginCode(openid, unionid, context.limits.loginCodeTtlSeconds),
    createPhoneCode: (openid, phoneNumber, countryCode = '86') =>
      context.mpUsers.createPhoneCode(openid, phoneNumber, countryCode, context.limits.phoneCodeTtlSeconds),
    grantSubscription: (app, openid, templateId, count = 1) => context.grants.grant(app, openid, templateId, count),
    answerSubscribePopup: (choice) => answerSubscribePopup(context, choice),
    calls: (path) => context.calls.list(path),
    clearCalls: () => context.calls.clear(),
    addFault: (fault) => context.faults.add(fault),
    clearFaults: (path) => context.faults.clear(path),
    push: (input) => pushFromUser(context, input),
    scan: (openid, ticket) => scanQrCode(context, openid, ticket),
    pushes: () => context.push.list(),
    waitForPush: (predicate, timeoutMs) => context.push.waitFor(predicate, timeoutMs),
    inbox: (openid) => context.inbox.list(openid),
    expireTokens: (appId, slot) => context.tokens.expire(appId, slot),
    invalidateTokens: (appId, slot) => context.tokens.invalidate(appId, slot),
    setQuota: (path, limit) => context.quotas.setLimit(path, limit),
    idle: () => context.tasks.idle(),
    reset: () => resetSimulator(context),
  };
}

/**
 * Starts the WeChat simulator: an HTTP server that answers WeChat's API (tokens, messages,
 * mini-program, tags, mass send...) as WeChat does, pushes messages and events to our
 * server's callback, and exposes a `/__sim` control API for tests and demos.
 */
export async function startWechatSimulator(options: WechatSimulatorOptions): Promise<WechatSimulator> {
  const context = createSimContext(options);
  const server = createServer(context);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    ...helpers(context),
    close() {
      closed ??= (async () => {
        context.push.close();
        await context.tasks.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closed;
    },
  };
}
