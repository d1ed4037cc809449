import type { WechatErrorAction } from './wechatErrorActions';
import { actionForErrcode } from './wechatErrorActions';

/** Which of the two WeChat apps a call went to: the official account or the mini-program. */
export type WechatAppName = 'oa' | 'mp';

/** What {@link WechatApiError} is built from. */
export interface WechatApiErrorInit {
  /** WeChat's errcode; null when no WeChat answer was read (network failure, timeout, bad HTTP status). */
  errcode: number | null;
  errmsg: string;
  action: WechatErrorAction;
  app: WechatAppName;
  /** The API path, e.g. `/cgi-bin/message/template/send` (never the query: it carries the token). */
  path: string;
  /** The idempotency key the request carried (`client_msg_id` / `clientmsgid`), if any. */
  clientMsgId?: string | null;
  /** The `msg_id` WeChat reported with 45065 (duplicate clientmsgid). */
  existingMsgId?: string | null;
  cause?: unknown;
}

/** Extracts WeChat's request id from an errmsg such as `invalid credential rid: 65f1-2c3a-1b2b`. */
export function ridFromErrmsg(errmsg: string): string | null {
  const match = /\brid:\s*([0-9A-Za-z-]+)/.exec(errmsg);
  return match ? match[1] : null;
}

function describe(init: WechatApiErrorInit): string {
  const code = init.errcode === null ? '' : ` ${init.errcode}`;
  const base = `WeChat ${init.app} ${init.path}:${code} ${init.errmsg}`;
  if (init.action !== 'unknownOutcome') return base;
  if (!init.clientMsgId) return `${base} — unknown outcome: the call may have taken effect; do not retry it blindly`;
  // WeChat deduplicates template sends for 10 minutes, mass sends (clientmsgid) for 24 hours.
  const [field, window] = init.path.includes('/mass/') ? ['clientmsgid', '24 hours'] : ['client_msg_id', '10 minutes'];
  return `${base} — unknown outcome: retry only with the same ${field} (${init.clientMsgId}) within ${window}`;
}

/**
 * A failed WeChat call, with the one action the error table assigns to it. Callers
 * (campaign jobs, login routes) switch on `action`, not on errcodes.
 */
export class WechatApiError extends Error {
  readonly errcode: number | null;
  readonly errmsg: string;
  readonly action: WechatErrorAction;
  readonly app: WechatAppName;
  readonly path: string;
  readonly rid: string | null;
  readonly clientMsgId: string | null;
  readonly existingMsgId: string | null;

  constructor(init: WechatApiErrorInit) {
    super(describe(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'WechatApiError';
    this.errcode = init.errcode;
    this.errmsg = init.errmsg;
    this.action = init.action;
    this.app = init.app;
    this.path = init.path;
    this.rid = ridFromErrmsg(init.errmsg);
    this.clientMsgId = init.clientMsgId ?? null;
    this.existingMsgId = init.existingMsgId ?? null;
  }

  /** True when the outcome is unknown: the request may have been carried out. */
  get unknownOutcome(): boolean {
    return this.action === 'unknownOutcome';
  }

  /** An error for a WeChat `{errcode, errmsg}` answer, with the action from the table. */
  static fromErrcode(
    init: Omit<WechatApiErrorInit, 'action' | 'errcode'> & { errcode: number },
  ): WechatApiError {
    return new WechatApiError({ ...init, action: actionForErrcode(init.errcode) });
  }
}
