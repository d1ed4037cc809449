import { createWechatGateway } from '../wechat/gateway/createWechatGateway';
import type { WechatGateway } from '../wechat/gateway/WechatGateway';
import type { System } from '../system/System';

const built = new WeakMap<System, WechatGateway>();

/**
 * The process's WeChat gateway: `system.wechat` once the system carries one, otherwise one
 * built from the system's config, Redis and logger (kept per system, so every caller of a
 * process shares its keep-alive sockets and token provider).
 */
export function wechatGatewayOf(system: System): WechatGateway {
  const wired = (system as System & { wechat?: WechatGateway }).wechat;
  if (wired) return wired;
  let gateway = built.get(system);
  if (!gateway) {
    gateway = createWechatGateway({ config: system.config, redis: system.redis, logger: system.logger });
    built.set(system, gateway);
  }
  return gateway;
}
