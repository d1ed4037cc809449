import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { bare } from '../api/WechatRoute';
import { renderQrPng } from '../image/renderQrPng';

const TEMPORARY = new Set(['QR_SCENE', 'QR_STR_SCENE']);
const PERMANENT = new Set(['QR_LIMIT_SCENE', 'QR_LIMIT_STR_SCENE']);
const MAX_EXPIRE_SECONDS = 2_592_000;

/** The scene of a qrcode/create body: scene_id for *_SCENE, scene_str for *_STR_SCENE. */
function sceneOf(body: Record<string, unknown>, action: string, permanent: boolean): string {
  const info = body.action_info as { scene?: { scene_id?: unknown; scene_str?: unknown } } | undefined;
  const scene = info?.scene;
  if (action.endsWith('_STR_SCENE')) {
    const text = scene?.scene_str;
    if (typeof text !== 'string' || text.length < 1 || text.length > 64) throw new WechatFailure(40097);
    return text;
  }
  const id = scene?.scene_id;
  const max = permanent ? 100_000 : 4_294_967_295;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > max) throw new WechatFailure(40097);
  return String(id);
}

/**
 * `POST /cgi-bin/qrcode/create` (temporary codes default to 60 s and are capped at 30 days;
 * permanent codes take scene_id 1..100 000) and `GET /cgi-bin/showqrcode?ticket=` (the image,
 * which WeChat serves from mp.weixin.qq.com without a token).
 */
export function qrcodeRoutes(context: SimContext): WechatRoute[] {
  return [
    {
      method: 'POST',
      path: '/cgi-bin/qrcode/create',
      auth: 'oa',
      handle(request) {
        const body = request.json();
        const action = String(body.action_name ?? '');
        const permanent = PERMANENT.has(action);
        if (!permanent && !TEMPORARY.has(action)) throw new WechatFailure(40097);
        const scene = sceneOf(body, action, permanent);
        const requested = typeof body.expire_seconds === 'number' ? body.expire_seconds : 60;
        const expireSeconds = Math.min(MAX_EXPIRE_SECONDS, Math.max(1, Math.floor(requested)));
        const ticket = context.qrTickets.create(scene, permanent, expireSeconds);
        return bare({ ticket: ticket.ticket, ...(permanent ? {} : { expire_seconds: expireSeconds }), url: ticket.url });
      },
    },
    {
      method: 'GET',
      path: '/cgi-bin/showqrcode',
      auth: 'none',
      handle(request) {
        const ticket = context.qrTickets.get(request.query.get('ticket') ?? '');
        if (!ticket) throw new WechatFailure(40097);
        return { kind: 'binary', contentType: 'image/png', data: renderQrPng(ticket.url, 430) };
      },
    },
  ];
}
