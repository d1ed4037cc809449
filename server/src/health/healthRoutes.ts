import Router from '@koa/router';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { checkHealth } from './checkHealth';
import { SERVER_VERSION } from '../app/version';

/** `GET /healthz`: 200 when MariaDB and Redis answer, 503 naming the ones that do not. */
export function healthRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>();
  router.get('/healthz', async (ctx) => {
    const health = await checkHealth(ctx.system, SERVER_VERSION);
    ctx.set('Cache-Control', 'no-store');
    ctx.status = health.down.length === 0 ? 200 : 503;
    ctx.body = health;
  });
  return router;
}
