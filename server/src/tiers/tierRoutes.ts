import Router from '@koa/router';
import type { TierListDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { staffAuth } from '../staff/staffAuth';
import { presentTier } from './tierLevels';

/**
 * The console's tiers (`GET /api/admin/tiers`), as configured, lowest first: the segment
 * rule builder and the member pages show their names instead of codes. Staff who build
 * segments may read them (the same roles read members).
 */
export function tierRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin' });
  const limit = rateLimit({ name: 'admin-tiers', points: 120, durationSeconds: 60 });

  router.get('/tiers', limit, staffAuth('segments.manage'), (ctx) => {
    ctx.body = { tiers: ctx.system.config.tiers.levels.map(presentTier) } satisfies TierListDto;
  });
  return router;
}
