import WechatAPI from 'wechat-api';
import type { BuiltRequest } from './WechatCall';

/** Calls one of wechat-api's `_`-prefixed builders on the instance it is given. */
export type LegacyInvocation = (api: WechatAPI) => void;

function unusedCallback(): void {
  // wechat-api's callback never runs: the gateway sends the request itself.
}

/**
 * wechat-api (1.35.1) as a request builder for the official-account calls it knows
 * (templates, customer-service messages, QR codes, users, tags, menus): its `_method`s
 * compose the URL and body. The gateway sends them itself, because wechat-api's own path
 * retries 40001 with the same stale token, parses 64-bit ids with plain JSON, fetches
 * tokens from /cgi-bin/token rather than stable_token, and has no per-call timeout.
 */
export class LegacyRequestBuilder {
  private readonly api: WechatAPI;

  constructor(appId: string, appSecret: string, apiBase: string) {
    const refuse = (): never => {
      throw new Error('wechat-api must not manage tokens: the gateway does (stable_token via Redis)');
    };
    this.api = new WechatAPI(appId, appSecret, refuse, refuse);
    const base = apiBase.replace(/\/+$/, '');
    // setEndpoint() would force https://; assign the fields directly instead.
    this.api.endpoint = base;
    if (!/\.weixin\.qq\.com$/.test(new URL(base).hostname)) {
      // Simulator or proxy: the mp.weixin.qq.com and file-server hosts are served there too.
      this.api.mpPrefix = `${base}/cgi-bin/`;
      this.api.fileServerPrefix = `${base}/cgi-bin/`;
    }
  }

  /**
   * Captures the request wechat-api builds for `invoke`, with `accessToken` in its URL.
   * `extraBody` adds fields wechat-api predates (template send's `client_msg_id`).
   */
  build(accessToken: string | null, invoke: LegacyInvocation, extraBody?: Record<string, unknown>): BuiltRequest {
    let captured: BuiltRequest | undefined;
    // A per-call child object: the shared instance's `token` and `request` stay untouched,
    // so concurrent calls with different tokens cannot mix.
    const child = Object.create(this.api) as WechatAPI;
    child.token = { accessToken: accessToken ?? '' };
    child.request = (url, options) => {
      const data = extraBody && typeof options.data === 'object' ? { ...options.data, ...extraBody } : options.data;
      captured = {
        method: options.type === 'POST' ? 'POST' : 'GET',
        url: new URL(url),
        body: data === undefined ? undefined : JSON.stringify(data),
      };
    };
    invoke(child);
    if (!captured) throw new Error('wechat-api did not build a request');
    return captured;
  }

  /** The public image URL of a QR code ticket (no token needed). */
  showQrCodeUrl(ticket: string): string {
    return this.api.showQRCodeURL(encodeURIComponent(ticket));
  }

  /** The callback to pass to wechat-api's builders (never called). */
  static readonly done = unusedCallback;
}
