import { AppError } from '../app/AppError';
import type { AppContext } from '../app/appTypes';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/**
 * Runs a tracked-link handler; when a parent's browser (which asks for HTML) opens a
 * refused link, answers a short Chinese page with the same status instead of the API's
 * JSON error. Other clients, and any unexpected error, get the normal error rendering.
 */
export async function withClickErrorPage(ctx: AppContext, handler: () => Promise<void>): Promise<void> {
  try {
    await handler();
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500 || ctx.accepts('json', 'html') !== 'html') throw error;
    ctx.status = error.status;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body =
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<title>${escapeHtml(error.message)}</title></head><body style="font-family:sans-serif;text-align:center;padding:4em 1em">` +
      `<h1 style="font-size:1.25em">${escapeHtml(error.message)}</h1><p>请打开玩具会员俱乐部公众号或小程序查看最新活动。</p></body></html>`;
  }
}
