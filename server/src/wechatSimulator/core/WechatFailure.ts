import { errmsgFor } from './errcodes';

/**
 * A WeChat API error a route throws; the dispatcher turns it into
 * `{errcode, errmsg: "... rid: ...", ...extra}` with HTTP 200.
 */
export class WechatFailure extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string = errmsgFor(errcode),
    /** Extra fields WeChat adds to some errors, e.g. the existing `msg_id` with 45065. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${errcode} ${errmsg}`);
    this.name = 'WechatFailure';
  }
}
