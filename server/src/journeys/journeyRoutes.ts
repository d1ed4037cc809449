import Router from '@koa/router';
import { JOURNEY_KEYS } from '@toyclub/shared';
import type { JourneyDto, JourneyListDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { staffAuth } from '../staff/staffAuth';
import { Journey } from './Journey';
import { journeyPatcher } from './journeyPatcher';
import { PatchJourneySchema } from './journeySchemas';
import { presentJourney } from './presentJourney';

/**
 * The console's journeys (owners and managers, like campaigns): each with its switch,
 * last run and counts by state, and a switch / days-before change.
 */
export function journeyRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/journeys' });
  const limit = rateLimit({ name: 'admin-journeys', points: 120, durationSeconds: 60 });
  const auth = staffAuth('campaigns.manage');

  router.get('/', limit, auth, async (ctx) => {
    const manager = ctx.system.dataSource.manager;
    const rows = await manager.getRepository(Journey).find();
    const journeys: JourneyDto[] = [];
    for (const key of JOURNEY_KEYS) {
      journeys.push(await presentJourney(manager, ctx.system.config, key, rows.find((row) => row.key === key) ?? null));
    }
    ctx.body = { journeys } satisfies JourneyListDto;
  });

  router.patch(
    '/:key',
    limit,
    auth,
    validate(PatchJourneySchema, async (ctx) => {
      const { key } = ctx.input.params;
      const journey = await journeyPatcher({ system: ctx.system, key, ...ctx.input.body });
      ctx.body = await presentJourney(ctx.system.dataSource.manager, ctx.system.config, key, journey);
    }),
  );

  return router;
}
