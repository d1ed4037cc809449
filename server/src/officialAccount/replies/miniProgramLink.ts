import type { AppConfig } from '../../config/configSchema';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A text link into the mini-program, usable in passive replies and customer-service texts:
 * WeChat opens the page for `data-miniprogram-*`, and clients that cannot open
 * mini-programs follow `href` (the H5 build of the same page).
 */
export function miniProgramLink(config: AppConfig, page: string, label: string, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  const path = search ? `${page}?${search}` : page;
  const h5 = `${config.http.publicBaseUrl.replace(/\/+$/, '')}/h5/#/${path}`;
  return (
    `<a href="${escapeAttribute(h5)}" data-miniprogram-appid="${escapeAttribute(config.wechat.mp.appId)}" ` +
    `data-miniprogram-path="${escapeAttribute(path)}">${escapeAttribute(label)}</a>`
  );
}
