import path from 'node:path';
import type { AppConfig } from '../config/configSchema';
import { REPO_ROOT } from '../config/configPaths';
import type { AppMiddleware } from '../app/appTypes';
import { serveBuiltApp } from '../http/serveBuiltApp';

/**
 * Serves the mini-program's H5 build under `/h5/`, so that the member app opens in an
 * ordinary browser against this server.
 */
export function serveH5(config: Pick<AppConfig, 'h5'>): AppMiddleware {
  return serveBuiltApp({
    prefix: '/h5',
    root: path.resolve(REPO_ROOT, config.h5.dir),
    notBuilt: { id: 'h5_not_built', message: 'H5 页面尚未构建，请先运行 npm run build:h5' },
    assetNotFoundId: 'h5_asset_not_found',
  });
}
