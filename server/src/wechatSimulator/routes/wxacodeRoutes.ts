import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { renderQrPng } from '../image/renderQrPng';

/** The characters WeChat allows in a scene (no %, no spaces), at most 32 of them. */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);

function checkPage(context: SimContext, page: unknown, checkPath: boolean): void {
  if (page === undefined) return;
  // A page is a path like "pages/card/index": no leading slash, no query string.
  if (typeof page !== 'string' || page === '' || page.startsWith('/') || page.includes('?')) throw new WechatFailure(41030);
  if (checkPath && context.mpPages && !context.mpPages.includes(page)) throw new WechatFailure(41030);
}

/**
 * `POST /wxa/getwxacodeunlimit`: a real QR image (PNG) that decodes to the scene, served with
 * an image content type; failures are JSON: 40169 bad scene, 41030 bad or unpublished page.
 */
export function wxacodeRoutes(context: SimContext): WechatRoute[] {
  return [
    {
      method: 'POST',
      path: '/wxa/getwxacodeunlimit',
      auth: 'mp',
      handle(request) {
        const body = request.json();
        if (typeof body.scene !== 'string' || !SCENE.test(body.scene)) throw new WechatFailure(40169);
        checkPage(context, body.page, body.check_path !== false);
        if (body.env_version !== undefined && !ENV_VERSIONS.has(String(body.env_version))) throw new WechatFailure(40097);
        const requested = typeof body.width === 'number' ? body.width : 430;
        const width = Math.min(1280, Math.max(280, Math.round(requested)));
        return { kind: 'binary', contentType: 'image/png', data: renderQrPng(body.scene, width) };
      },
    },
  ];
}
