import type { OfficialAccountContext } from './GatewayContext';
import { callLegacy } from './GatewayContext';
import { LegacyRequestBuilder } from './LegacyRequestBuilder';
import type { WechatJson } from './parseWechatJson';

/** A menu button: a container of sub-buttons, or a click / link / mini-program leaf. */
export type MenuButton =
  | { name: string; sub_button: MenuButton[] }
  | { type: 'click'; name: string; key: string }
  | { type: 'view'; name: string; url: string }
  | { type: 'miniprogram'; name: string; url: string; appid: string; pagepath: string };

/** The custom menu: ≤ 3 top-level buttons, ≤ 5 sub-buttons each. */
export interface MenuDefinition {
  button: MenuButton[];
}

/** The official account's custom menu. */
export interface OfficialAccountMenus {
  create(menu: MenuDefinition): Promise<void>;
  /** `menu/get` as WeChat returns it. */
  get(): Promise<WechatJson>;
  remove(): Promise<void>;
}

/** The custom menu (requests built by wechat-api). */
export function createOfficialAccountMenus(context: OfficialAccountContext): OfficialAccountMenus {
  const done = LegacyRequestBuilder.done;
  return {
    async create(menu) {
      await callLegacy(context, { path: '/cgi-bin/menu/create', idempotent: true }, (api) => api._createMenu(menu, done));
    },
    get() {
      return callLegacy(context, { path: '/cgi-bin/menu/get', idempotent: true }, (api) => api._getMenu(done));
    },
    async remove() {
      await callLegacy(context, { path: '/cgi-bin/menu/delete', idempotent: true }, (api) => api._removeMenu(done));
    },
  };
}
