import type { AppError } from '../app/AppError';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import { tagErrors } from './tagErrors';

const NAME_TAKEN = 45157;
const TOO_MANY_FANS = 45057;

/** The console error for a failed WeChat tag call (rename or delete). */
export function wechatTagFailure(error: unknown): AppError | unknown {
  if (!(error instanceof WechatApiError)) return error;
  if (error.errcode === NAME_TAKEN) return tagErrors.wechatNameTaken();
  if (error.errcode === TOO_MANY_FANS) return tagErrors.wechatTagTooLarge();
  return tagErrors.wechatUnavailable();
}
