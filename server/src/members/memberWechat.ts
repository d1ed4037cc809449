import { errors } from '../app/errors';
import type { AppError } from '../app/AppError';
import type { System } from '../system/System';
import { createWechatGateway } from '../wechat/gateway/createWechatGateway';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import type { MiniProgramApi, WechatGateway } from '../wechat/gateway/WechatGateway';

/** The mini-program calls membership makes: login, phone number, store codes. */
export type MemberWechat = Pick<MiniProgramApi, 'code2Session' | 'getPhoneNumber' | 'getUnlimitedQrCode'>;

const ownGateways = new WeakMap<System, WechatGateway>();

/**
 * The mini-program API of the process: the System's gateway once it carries one, else a
 * gateway of our own per System (same Redis-shared access tokens, so still one token per app).
 */
export function memberWechat(system: System): MemberWechat {
  const attached = (system as System & { wechat?: WechatGateway }).wechat;
  if (attached) return attached.mp;
  let gateway = ownGateways.get(system);
  if (!gateway) {
    gateway = createWechatGateway({ config: system.config, redis: system.redis, logger: system.logger });
    ownGateways.set(system, gateway);
  }
  return gateway.mp;
}

/** Closes the gateway {@link memberWechat} made for `system`, if it made one. */
export function closeMemberWechat(system: System): void {
  ownGateways.get(system)?.close();
  ownGateways.delete(system);
}

/**
 * Turns a WeChat failure into what the member sees: bad input (a used or expired code)
 * is a 400 with `rejected`; anything else means WeChat is unavailable right now.
 */
export function wechatFailure(error: unknown, rejected: AppError): AppError | undefined {
  if (!(error instanceof WechatApiError)) return undefined;
  if (error.action === 'rejectInput') return rejected;
  return errors.serviceUnavailable('wechat_unavailable', '微信服务暂时不可用，请稍后再试');
}
