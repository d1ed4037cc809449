import type { ApiErrorBody } from '@toyclub/shared';
import { AppError } from './AppError';
import { errors } from './errors';
import type { AppMiddleware } from './appTypes';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
}

/** Turns errors thrown by Koa's own middleware (body parsing, limits) into AppErrors. */
function fromHttpError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const httpError = error as HttpLikeError;
  const status = httpError.status ?? httpError.statusCode;
  // Only client errors are trusted: a 5xx from a library may carry internals.
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (status === 413) return errors.payloadTooLarge();
  if (status === 415) return errors.unsupportedMediaType();
  // co-body rejects unparseable JSON with a SyntaxError carrying status 400.
  if (status === 400 && (httpError.type === 'entity.parse.failed' || error instanceof SyntaxError)) {
    return errors.badRequest('invalid_body', '请求内容格式不正确');
  }
  if (status === 400) return errors.badRequest('bad_request', '请求不正确');
  return new AppError(status, 'request_refused', '请求未被接受');
}

function render(body: ApiErrorBody): ApiErrorBody {
  return body.details ? { error: body.error, message: body.message, details: body.details } : body;
}

/**
 * The one error renderer: every failure becomes `{ error, message }` with a stable id.
 * Unknown errors become `internal_error`, are logged with their stack, and leak nothing.
 */
export function errorRenderer(): AppMiddleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        const notFound = errors.notFound('route_not_found', '找不到这个地址');
        ctx.status = 404;
        ctx.body = render({ error: notFound.code, message: notFound.message });
      }
    } catch (error) {
      const known = error instanceof AppError ? error : fromHttpError(error);
      const appError = known ?? errors.internal();
      if (!known) ctx.state.log?.error({ err: error }, 'unhandled error');
      ctx.status = appError.status;
      for (const [name, value] of Object.entries(appError.headers ?? {})) ctx.set(name, value);
      ctx.body = render({ error: appError.code, message: appError.message, details: appError.details });
    }
  };
}
