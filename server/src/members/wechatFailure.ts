import { errors } from '../app/errors';
import type { AppError } from '../app/AppError';
import { WechatApiError } from '../wechat/gateway/WechatApiError';

/**
 * Turns a WeChat failure into what the member sees: bad input (a used or expired code)
 * is a 400 with `rejected`; anything else means WeChat is unavailable right now.
 */
export function wechatFailure(error: unknown, rejected: AppError): AppError | undefined {
  if (!(error instanceof WechatApiError)) return undefined;
  if (error.action === 'rejectInput') return rejected;
  return errors.serviceUnavailable('wechat_unavailable', '微信服务暂时不可用，请稍后再试');
}
