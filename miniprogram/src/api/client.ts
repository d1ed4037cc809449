import Taro from '@tarojs/taro';
import { isApiErrorBody } from '@toyclub/shared';
import { ApiError, CLIENT_ERROR_CODES } from './ApiError';
import { readToken } from '../auth/tokenStore';

export { ApiError, CLIENT_ERROR_CODES } from './ApiError';

/** The HTTP methods the API uses. */
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Options of {@link apiRequest}. */
export interface ApiRequestOptions {
  method?: ApiMethod;
  /** Sent as the JSON body (or as the query string for GET). */
  data?: Record<string, unknown> | unknown[];
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Gives up after this long; the answer then counts as a network failure. */
  timeoutMs?: number;
  /**
   * Non-2xx statuses whose body is still the expected result rather than an error
   * (`GET /healthz` answers 503 with a full health report, for one).
   */
  acceptStatuses?: readonly number[];
  /** Sends the stored member token as `Authorization: Bearer` (default true; sign-in itself sends none). */
  auth?: boolean;
}

const JSON_BODY = { 'Content-Type': 'application/json' };

/** What Taro.request may hand back as `data`, before any checking. */
type RawBody = string | TaroGeneral.IAnyObject;

/** The default request timeout: long enough for a slow phone network, short enough to tell the member. */
export const DEFAULT_TIMEOUT_MS = 15000;

/** What the member reads when no answer arrived. */
export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';

/** What the member reads when the answer was not understood. */
export const INVALID_RESPONSE_MESSAGE = '服务暂时不可用，请稍后再试';

/**
 * The origin API paths are appended to. H5 always uses its own origin: the server serves
 * the H5 build at /h5/ and its CSP allows `connect-src 'self'` only. Mini-programs have no
 * origin of their own, so they use the public build-time value `TARO_APP_API_BASE` from
 * `miniprogram/.env.<mode>`.
 */
export function apiBaseUrl(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  return (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');
}

/** The full URL of an API path such as `/healthz`. */
export function apiUrl(path: string): string {
  return `${apiBaseUrl()}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * Turns a non-success answer into an {@link ApiError}: the server's `{ error, message }`
 * when the body has that shape, otherwise a generic Chinese message with the status.
 */
export function parseApiError(status: number, body: unknown): ApiError {
  const parsed = typeof body === 'string' ? tryParseJson(body) : body;
  if (isApiErrorBody(parsed)) return new ApiError(status, parsed);
  if (status >= 500) return invalidResponseError(status);
  return new ApiError(status, { error: CLIENT_ERROR_CODES.invalidResponse, message: `请求失败（${status}），请稍后再试` });
}

/** The {@link ApiError} for an answer that is not the API's JSON. */
export function invalidResponseError(status: number): ApiError {
  return new ApiError(status, { error: CLIENT_ERROR_CODES.invalidResponse, message: INVALID_RESPONSE_MESSAGE });
}

/** The {@link ApiError} for a request that got no answer at all. */
export function networkError(): ApiError {
  return new ApiError(0, { error: CLIENT_ERROR_CODES.network, message: NETWORK_ERROR_MESSAGE });
}

/**
 * Calls the ToyClub API through `Taro.request` (wx.request on weapp, fetch on H5), JSON in
 * and out. Resolves with the parsed body on 2xx (or an accepted status); rejects with an
 * {@link ApiError} whose `message` can be shown to the member as it is.
 */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = 'GET', data, headers = {}, timeoutMs = DEFAULT_TIMEOUT_MS, acceptStatuses = [], auth = true } = options;
  const token = auth ? readToken() : null;
  const authHeader: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  let response: Taro.request.SuccessCallbackResult<RawBody>;
  try {
    response = await Taro.request<RawBody>({
      url: apiUrl(path),
      method,
      data,
      // GET sends `data` as the query string, so only bodies get a Content-Type.
      header: { Accept: 'application/json', ...(data === undefined || method === 'GET' ? {} : JSON_BODY), ...authHeader, ...headers },
      dataType: 'json',
      timeout: timeoutMs,
    });
  } catch {
    // Taro rejects only when no HTTP answer arrived; the platform's own message is English
    // and technical, so the member gets one clear Chinese sentence instead.
    throw networkError();
  }

  const statusCode = response.statusCode;
  // Typed as unknown on purpose: whatever the platform says, it is unchecked input.
  const body: unknown = response.data;
  const accepted = (statusCode >= 200 && statusCode < 300) || acceptStatuses.includes(statusCode);
  if (!accepted) throw parseApiError(statusCode, body);

  if (statusCode === 204) return undefined as T;
  // dataType 'json' already parsed the body when it could. What is left when it could not
  // differs by platform (weapp keeps the raw string, H5 gives null), and either means the
  // answer was not the API's JSON: an HTML page from a proxy or captive portal, say.
  const parsed = typeof body === 'string' ? tryParseJson(body) : body;
  if (parsed === undefined || parsed === null) throw invalidResponseError(statusCode);
  return parsed as T;
}

function tryParseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
