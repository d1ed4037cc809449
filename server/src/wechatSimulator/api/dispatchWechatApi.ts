import type { IncomingMessage, ServerResponse } from 'node:http';
import { toSafeJson } from '../core/JsonInt64';
import { WechatFailure } from '../core/WechatFailure';
import type { SimApp, SimContext } from '../SimContext';
import type { RecordedAnswer } from '../stores/CallLog';
import type { ActiveFault } from '../stores/FaultStore';
import { createWechatRequest, loggableBody } from './createWechatRequest';
import { readBody } from './readBody';
import { failureBody, writeWechatJson } from './wechatJson';
import type { WechatAnswer, WechatRoute } from './WechatRoute';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Token check, app check and quota, in WeChat's order; returns the calling app. */
function authenticate(context: SimContext, route: WechatRoute, url: URL): SimApp | undefined {
  if (route.auth === 'credentials' || route.auth === 'none') return undefined;
  const token = context.tokens.check(url.searchParams.get('access_token'));
  const caller = Object.values(context.apps).find((app) => app.appId === token.appId);
  if (!caller || (route.auth !== 'any' && route.auth !== caller.kind)) throw new WechatFailure(48001);
  context.quotas.consume(caller.appId, route.path);
  return caller;
}

async function answerOf(context: SimContext, route: WechatRoute, req: IncomingMessage, url: URL, rawBody: Buffer): Promise<WechatAnswer> {
  try {
    const caller = authenticate(context, route, url);
    const request = createWechatRequest(req.method ?? 'GET', url, rawBody, req.headers['content-type'] ?? '', caller);
    return await route.handle(request);
  } catch (error) {
    if (error instanceof WechatFailure) return { kind: 'json', body: failureBody(error, context.clock.nowSeconds()) };
    context.logger.error({ err: error, path: route.path }, 'simulator route failed');
    return { kind: 'json', body: failureBody(new WechatFailure(-1), context.clock.nowSeconds()) };
  }
}

function faultAnswer(context: SimContext, fault: ActiveFault): WechatAnswer {
  const failure = new WechatFailure(fault.errcode ?? -1, fault.errmsg);
  return { kind: 'json', body: failureBody(failure, context.clock.nowSeconds()) };
}

function routeFor(routes: WechatRoute[], path: string, method: string): WechatRoute | WechatFailure | undefined {
  const candidates = routes.filter((route) => route.path === path);
  if (candidates.length === 0) return undefined;
  const route = candidates.find((candidate) => candidate.method === method);
  if (route) return route;
  return new WechatFailure(candidates[0].method === 'POST' ? 43002 : 43001);
}

/**
 * Serves one WeChat API call: injected faults first, then authentication, quota and the
 * route; every call is logged with its answer.
 */
export async function dispatchWechatApi(
  context: SimContext,
  routes: WechatRoute[],
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const rawBody = await readBody(req);
  const method = req.method ?? 'GET';
  const found = routeFor(routes, url.pathname, method);
  if (!found) {
    writeWechatJson(res, { errcode: 404, errmsg: `the simulator does not implement ${url.pathname}` }, 404);
    return;
  }
  const fault = context.faults.take(url.pathname);
  const skipWork = fault !== undefined && (fault.errcode !== undefined || (fault.drop === true && !fault.processFirst));
  let answer: WechatAnswer;
  if (found instanceof WechatFailure) answer = { kind: 'json', body: failureBody(found, context.clock.nowSeconds()) };
  else answer = skipWork && fault ? faultAnswer(context, fault) : await answerOf(context, found, req, url, rawBody);
  if (fault?.latencyMs) await sleep(fault.latencyMs);

  // Logged before answering, so a client that reads /__sim/calls right after sees the call.
  const recorded: RecordedAnswer = fault?.drop
    ? { kind: 'dropped' }
    : answer.kind === 'json'
      ? { kind: 'json', body: toSafeJson(answer.body) }
      : { kind: 'binary', contentType: answer.contentType, bytes: answer.data.length };
  context.calls.record({
    at: context.clock.now(),
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: loggableBody(rawBody),
    answer: recorded,
  });
  if (fault?.drop) {
    req.socket.destroy();
  } else if (answer.kind === 'json') {
    writeWechatJson(res, answer.body);
  } else {
    res.writeHead(200, { 'Content-Type': answer.contentType, 'Content-Length': answer.data.length });
    res.end(answer.data);
  }
}
