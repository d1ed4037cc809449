import type { OfficialAccountContext } from './GatewayContext';
import { callLegacy } from './GatewayContext';
import { LegacyRequestBuilder } from './LegacyRequestBuilder';
import { WechatApiError } from './WechatApiError';
import type { WechatJson } from './parseWechatJson';

/** menu/get's answer when no menu was ever created (or it was deleted). */
const NO_MENU = 46003;

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
  /** `menu/get` as WeChat returns it, or null when there is no menu (46003). */
  get(): Promise<WechatJson | null>;
  remove(): Promise<void>;
}

/** The custom menu (requests built by wechat-api). */
export function createOfficialAccountMenus(context: OfficialAccountContext): OfficialAccountMenus {
  const done = LegacyRequestBuilder.done;
  return {
    async create(menu) {
      await callLegacy(context, { path: '/cgi-bin/menu/create', idempotent: true }, (api) => api._createMenu(menu, done));
    },
    async get() {
      try {
        return await callLegacy(context, { path: '/cgi-bin/menu/get', idempotent: true }, (api) => api._getMenu(done));
      } catch (error) {
        if (error instanceof WechatApiError && error.errcode === NO_MENU) return null;
        throw error;
      }
    },
    async remove() {
      await callLegacy(context, { path: '/cgi-bin/menu/delete', idempotent: true }, (api) => api._removeMenu(done));
    },
  };
}
