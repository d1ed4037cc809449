import { AppError } from './AppError';

/**
 * Factories for the errors a route may answer with. Each takes a stable id and a
 * message a person can read (Chinese), so that callers never build statuses by hand.
 */
export const errors = {
  validationFailed: (details: Record<string, string>, message = '请求参数不正确'): AppError =>
    new AppError(400, 'validation_failed', message, details),
  badRequest: (code: string, message: string): AppError => new AppError(400, code, message),
  unauthorized: (code = 'unauthorized', message = '请先登录'): AppError => new AppError(401, code, message),
  forbidden: (code = 'forbidden', message = '没有权限执行此操作'): AppError => new AppError(403, code, message),
  notFound: (code = 'not_found', message = '找不到请求的内容'): AppError => new AppError(404, code, message),
  conflict: (code: string, message: string): AppError => new AppError(409, code, message),
  gone: (code: string, message: string): AppError => new AppError(410, code, message),
  payloadTooLarge: (): AppError => new AppError(413, 'payload_too_large', '请求内容过大'),
  unsupportedMediaType: (): AppError => new AppError(415, 'unsupported_media_type', '不支持的请求内容类型'),
  unprocessable: (code: string, message: string): AppError => new AppError(422, code, message),
  rateLimited: (retryAfterSeconds: number): AppError =>
    new AppError(429, 'rate_limited', '操作太频繁，请稍后再试', undefined, {
      'Retry-After': String(retryAfterSeconds),
    }),
  serviceUnavailable: (code: string, message: string): AppError => new AppError(503, code, message),
  internal: (): AppError => new AppError(500, 'internal_error', '服务器开小差了，请稍后再试'),
};
