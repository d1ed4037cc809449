import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { bare, ok } from '../api/WechatRoute';

const LEAF_TYPES = new Set([
  'click', 'view', 'miniprogram', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto',
  'pic_photo_or_album', 'pic_weixin', 'location_select', 'media_id', 'article_id', 'article_view_limited',
]);

type Button = Record<string, unknown>;

/** One button: name ≤ 16 bytes (top) or 60 (sub); a leaf has a known type and its key/url. */
function checkButton(button: Button, top: boolean): void {
  const name = button.name;
  if (typeof name !== 'string' || name === '' || Buffer.byteLength(name) > (top ? 16 : 60)) throw new WechatFailure(40018);
  const subs = button.sub_button;
  if (Array.isArray(subs) && subs.length > 0) {
    if (!top || subs.length > 5) throw new WechatFailure(40023);
    subs.forEach((sub: Button) => checkButton(sub, false));
    return;
  }
  if (typeof button.type !== 'string' || !LEAF_TYPES.has(button.type)) throw new WechatFailure(40017);
  if (button.type === 'click' && (typeof button.key !== 'string' || Buffer.byteLength(button.key) > 128 || button.key === '')) {
    throw new WechatFailure(40019);
  }
  if ((button.type === 'view' || button.type === 'miniprogram') && typeof button.url !== 'string') throw new WechatFailure(40097);
}

/** `POST /cgi-bin/menu/create` (1..3 buttons, ≤ 5 sub-buttons each), `GET /cgi-bin/menu/get` and `/delete`. */
export function menuRoutes(context: SimContext): WechatRoute[] {
  return [
    {
      method: 'POST',
      path: '/cgi-bin/menu/create',
      auth: 'oa',
      handle(request) {
        const buttons = request.json().button;
        if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > 3) throw new WechatFailure(40016);
        buttons.forEach((button: Button) => checkButton(button, true));
        context.menu.value = buttons;
        return ok();
      },
    },
    {
      method: 'GET',
      path: '/cgi-bin/menu/get',
      auth: 'oa',
      handle() {
        if (context.menu.value === undefined) throw new WechatFailure(46003);
        return bare({ menu: { button: context.menu.value } });
      },
    },
    {
      method: 'GET',
      path: '/cgi-bin/menu/delete',
      auth: 'oa',
      handle() {
        context.menu.value = undefined;
        return ok();
      },
    },
  ];
}
