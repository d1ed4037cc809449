import path from 'node:path';
import { REPO_ROOT } from '../config/configPaths';
import type { AppMiddleware } from '../app/appTypes';
import { serveBuiltApp } from '../http/serveBuiltApp';

/** Where `npm run build:console` writes the staff console (Vite, `console/dist`). */
export const CONSOLE_DIST_DIR = path.join(REPO_ROOT, 'console/dist');

/**
 * Serves the staff web console's build under `/console/` (pages behind the hash:
 * `/console/#/campaigns/12`).
 *
 * The app-wide CSP (createApp) covers it: `script-src 'self'` and `connect-src 'self'` with
 * no inline script (Vite emits only external modules; the SSE progress stream is same
 * origin). `style-src` keeps `'unsafe-inline'`: antd 5 injects its CSS-in-JS as `<style>`
 * tags at run time, and antd's static extraction (`extractStyle`) needs a server-side
 * render of every component and token in use, which misses the styles of components first
 * shown later (modals, dropdowns, messages). Injected styles cannot run code, so the script
 * policy, which is what stops XSS, stays strict.
 */
export function serveConsole(root: string = CONSOLE_DIST_DIR): AppMiddleware {
  return serveBuiltApp({
    prefix: '/console',
    root,
    notBuilt: { id: 'console_not_built', message: '管理后台尚未构建，请先运行 npm run build:console' },
    assetNotFoundId: 'console_asset_not_found',
  });
}
