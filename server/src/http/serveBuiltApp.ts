import fs from 'node:fs';
import path from 'node:path';
import send from 'koa-send';
import { errors } from '../app/errors';
import type { AppMiddleware } from '../app/appTypes';

/** Options of {@link serveBuiltApp}. */
export interface BuiltAppOptions {
  /** The URL prefix without the trailing slash, e.g. `/h5`. */
  prefix: string;
  /** The build's directory (absolute). */
  root: string;
  /** Error id and Chinese message when the build is missing (503). */
  notBuilt: { id: string; message: string };
  /** Error id when a file is missing (404). */
  assetNotFoundId: string;
}

/**
 * Serves a single-page app's build under `prefix/`. Hashed assets are cached for a year;
 * `index.html` never is, so a new build is picked up at once. Both apps route behind the
 * hash, so no other path needs the index as a fallback.
 */
export function serveBuiltApp(options: BuiltAppOptions): AppMiddleware {
  const { prefix, root } = options;
  return async (ctx, next) => {
    if (ctx.path === prefix) return ctx.redirect(`${prefix}/`);
    if (!ctx.path.startsWith(`${prefix}/`) || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    if (!fs.existsSync(path.join(root, 'index.html'))) throw errors.serviceUnavailable(options.notBuilt.id, options.notBuilt.message);
    const relative = ctx.path.slice(prefix.length + 1) || 'index.html';
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
      if ((error as { status?: number }).status === 404) throw errors.notFound(options.assetNotFoundId, '找不到这个页面资源');
      throw error;
    }
  };
}
