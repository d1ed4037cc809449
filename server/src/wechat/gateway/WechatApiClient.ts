import type { Logger } from '../../logging/createLogger';
import type { AccessTokenProvider } from './AccessTokenProvider';
import type { WechatAppName } from './WechatApiError';
import type { WechatErrorAction } from './wechatErrorActions';
import { WechatApiError } from './WechatApiError';
import type { WechatAnswerKind, WechatCall } from './WechatCall';
import type { WechatHttpResponse, WechatHttpTransport } from './WechatHttpTransport';
import { WechatTransportError } from './WechatHttpTransport';
import type { WechatJson } from './parseWechatJson';
import { errcodeOf, errmsgOf, idString, parseWechatJson } from './parseWechatJson';

/** Retries of transient failures (-1, connection refused, unknown outcome of idempotent calls). */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the second attempt; doubles each time (plus up to 50 % jitter). */
  baseDelayMs: number;
}

/** A successful answer: JSON, or (for `imageOrJson` calls) an image. */
export type WechatAnswer = { kind: 'json'; json: WechatJson } | { kind: 'image'; contentType: string; image: Buffer };

/** Collaborators of {@link WechatApiClient}. */
export interface WechatApiClientOptions {
  transport: WechatHttpTransport;
  tokens: Record<WechatAppName, AccessTokenProvider>;
  timeoutMs: number;
  retry: RetryPolicy;
  logger: Logger;
  /** Waits between retries; tests pass a recorder instead of a timer. */
  sleep?: (ms: number) => Promise<void>;
}

const MEMBER_LEVEL_ACTIONS: ReadonlySet<WechatErrorAction> = new Set(['memberUnreachable', 'reauthorise', 'rejectInput', 'alreadyDone']);

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** co-wechat-api's rule: JSON when the type says JSON or text; an empty type with a `{` body too. */
function isJsonAnswer(response: WechatHttpResponse): boolean {
  const type = response.contentType.toLowerCase();
  if (type.includes('json') || type.startsWith('text/')) return true;
  return type === '' && response.body.subarray(0, 1).toString() === '{';
}

/**
 * Performs WeChat calls: attaches the app's token, sends with a deadline, reads JSON with
 * exact 64-bit ids, and turns failures into {@link WechatApiError}s with their action.
 * A stale token (40001/40014/42001) is evicted if still cached and the call repeated once
 * with a fresh one; transient failures are repeated with exponential backoff.
 */
export class WechatApiClient {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: WechatApiClientOptions) {
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Performs a JSON call; resolves with the answer when errcode is 0 (or absent). */
  async json(call: WechatCall): Promise<WechatJson> {
    const answer = await this.perform(call, 'json');
    if (answer.kind !== 'json') throw new Error('unreachable: JSON call answered with an image');
    return answer.json;
  }

  /** Performs a call whose success is an image and whose failure is JSON. */
  async image(call: WechatCall): Promise<{ contentType: string; image: Buffer }> {
    const answer = await this.perform(call, 'imageOrJson');
    if (answer.kind !== 'image') throw new Error(`WeChat ${call.app} ${call.path} answered JSON without an errcode`);
    return answer;
  }

  private async perform(call: WechatCall, answer: WechatAnswerKind): Promise<WechatAnswer> {
    const tokens = this.options.tokens[call.app];
    let token: string | null = null;
    let refused: string | undefined;
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (call.authenticated && token === null) token = await tokens.getToken(refused);
        return await this.once(call, answer, token);
      } catch (error) {
        if (!(error instanceof WechatApiError)) throw error;
        if (error.action === 'refreshTokenAndRetry' && token !== null && refused === undefined) {
          // Once per call: a second refusal means something else is wrong.
          refused = token;
          token = null;
          const evicted = await tokens.invalidate(refused);
          this.options.logger.info({ app: call.app, path: call.path, errcode: error.errcode, evicted }, 'wechat token refused; refreshing');
          attempt -= 1; // the refresh retry is not a backoff attempt
          continue;
        }
        const transient = error.action === 'retryWithBackoff' || (error.action === 'unknownOutcome' && call.idempotent);
        if (!transient || attempt >= this.options.retry.maxAttempts) throw error;
        const delay = this.options.retry.baseDelayMs * 2 ** (attempt - 1) * (1 + Math.random() / 2);
        this.options.logger.warn({ app: call.app, path: call.path, errcode: error.errcode, rid: error.rid, attempt, delay }, 'wechat call failed; retrying');
        await this.sleep(delay);
      }
    }
  }

  private async once(call: WechatCall, answer: WechatAnswerKind, token: string | null): Promise<WechatAnswer> {
    const request = call.build(token);
    const started = Date.now();
    let response: WechatHttpResponse;
    try {
      response = await this.options.transport.send({ ...request, timeoutMs: this.options.timeoutMs });
    } catch (error) {
      if (!(error instanceof WechatTransportError)) throw error;
      throw this.error(call, null, error.message, error.sent ? 'unknownOutcome' : 'retryWithBackoff', error);
    }
    this.options.logger.debug({ app: call.app, path: call.path, status: response.status, ms: Date.now() - started }, 'wechat call');
    if (response.status >= 500) {
      // A proxy's 5xx: WeChat itself answers 200; we cannot tell whether it acted.
      throw this.error(call, null, `HTTP ${response.status}`, 'unknownOutcome');
    }
    if (response.status !== 200) throw this.error(call, null, `HTTP ${response.status}`, 'fail');
    if (answer === 'imageOrJson' && !isJsonAnswer(response)) {
      return { kind: 'image', contentType: response.contentType, image: response.body };
    }
    let json: WechatJson;
    let errcode: number;
    try {
      json = parseWechatJson(response.body);
      errcode = errcodeOf(json);
    } catch (error) {
      // WeChat answered, but unreadably: it may well have acted on the request.
      throw this.error(call, null, `unreadable answer: ${(error as Error).message}`, 'unknownOutcome', error);
    }
    if (errcode === 0) return { kind: 'json', json };
    const failure = WechatApiError.fromErrcode({
      errcode,
      errmsg: errmsgOf(json),
      app: call.app,
      path: call.path,
      clientMsgId: call.clientMsgId,
      existingMsgId: idString(json.msg_id),
    });
    // Per-member outcomes are routine in campaigns; the rest deserves attention.
    const level = MEMBER_LEVEL_ACTIONS.has(failure.action) ? 'info' : 'warn';
    this.options.logger[level]({ app: call.app, path: call.path, errcode, rid: failure.rid, action: failure.action }, 'wechat call refused');
    throw failure;
  }

  private error(call: WechatCall, errcode: number | null, errmsg: string, action: WechatErrorAction, cause?: unknown): WechatApiError {
    return new WechatApiError({ errcode, errmsg, action, app: call.app, path: call.path, clientMsgId: call.clientMsgId, cause });
  }
}
