import fs from 'node:fs';
import path from 'node:path';
import send from 'koa-send';
import type { AppConfig } from '../config/configSchema';
import { REPO_ROOT } from '../config/configPaths';
import { errors } from '../app/errors';
import type { AppMiddleware } from '../app/appTypes';

/**
 * Serves the mini-program's H5 build under `/h5/`, so that the member app opens in an
 * ordinary browser against this server. Hashed assets are cached for a year;
 * `index.html` never is, so a new build is picked up at once.
 */
export function serveH5(config: Pick<AppConfig, 'h5'>): AppMiddleware {
  const root = path.resolve(REPO_ROOT, config.h5.dir);
  return async (ctx, next) => {
    if (ctx.path === '/h5') return ctx.redirect('/h5/');
    if (!ctx.path.startsWith('/h5/') || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      throw errors.serviceUnavailable('h5_not_built', 'H5 页面尚未构建，请先运行 npm run build:h5');
    }
    const relative = ctx.path.slice('/h5/'.length) || 'index.html';
    const isIndex = relative === 'index.html';
    try {
      await send(ctx, relative, {
        root,
        index: 'index.html',
        maxage: isIndex ? 0 : 365 * 24 * 3600 * 1000,
        immutable: !isIndex,
        setHeaders: (res) => {
          if (isIndex) res.setHeader('Cache-Control', 'no-cache');
        },
      });
    } catch (error) {
      if ((error as { status?: number }).status === 404) throw errors.notFound('h5_asset_not_found', '找不到这个页面资源');
      throw error;
    }
  };
}
