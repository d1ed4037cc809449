import type { WechatAppName } from './WechatApiError';

/** An HTTP request ready to send (the URL already carries the token, if any). */
export interface BuiltRequest {
  method: 'GET' | 'POST';
  url: URL;
  /** JSON text. */
  body?: string;
}

/** How to read the answer: JSON only, or an image unless WeChat answers with JSON. */
export type WechatAnswerKind = 'json' | 'imageOrJson';

/** Everything the client needs to perform one WeChat API call, retries included. */
export interface WechatCall {
  app: WechatAppName;
  /** The API path, for errors and logs (the URL's query carries the token and stays out of them). */
  path: string;
  /** Whether the request carries the app's access token (all but stable_token and jscode2session). */
  authenticated: boolean;
  /** Safe to repeat when the outcome is unknown (reads, idempotent writes). */
  idempotent: boolean;
  /** The idempotency key the body carries (`client_msg_id` / `clientmsgid`), reported on unknown outcomes. */
  clientMsgId?: string;
  /** Builds the request; called again with the fresh token after a token refresh. */
  build(accessToken: string | null): BuiltRequest;
}

/** A hand-written JSON request: path under the API base, query, optional JSON body. */
export interface JsonRequestSpec {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

/** Builds requests for calls wechat-api lacks: `apiBase + path`, the query, and the token. */
export function jsonRequest(apiBase: string, spec: JsonRequestSpec): (accessToken: string | null) => BuiltRequest {
  return (accessToken) => {
    // Concatenated, not resolved, so that an API base with a path prefix keeps it.
    const url = new URL(`${apiBase.replace(/\/+$/, '')}${spec.path}`);
    for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value);
    if (accessToken !== null) url.searchParams.set('access_token', accessToken);
    return {
      method: spec.method,
      url,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
    };
  };
}
