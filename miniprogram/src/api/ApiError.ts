import type { ApiErrorBody } from '@toyclub/shared';

/** Error ids the client produces itself, when there is no server answer to read one from. */
export const CLIENT_ERROR_CODES = {
  /** No HTTP answer at all: offline, DNS, refused connection, timeout, blocked domain. */
  network: 'network_error',
  /** An answer came but was not the JSON the API promises (a proxy's HTML page, say). */
  invalidResponse: 'invalid_response',
} as const;

/**
 * A failed API call, ready to show: `message` is Chinese text meant for the member, `code`
 * is the stable id (the server's `error`, or one of {@link CLIENT_ERROR_CODES}) that code
 * branches on, and `status` is the HTTP status (0 when no answer arrived).
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** Field-level problems from the server's request validation, keyed by field path. */
  readonly details: Record<string, string> | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.error;
    this.details = body.details;
  }

  /** True when the request never got an answer, so retrying later may help. */
  get isNetworkError(): boolean {
    return this.code === CLIENT_ERROR_CODES.network;
  }
}
