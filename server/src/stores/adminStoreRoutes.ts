import { randomBytes } from 'node:crypto';
import Router from '@koa/router';
import { z } from 'zod';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { posSecretBox } from '../pos/posAuth';
import type { PointsRuleDto, PosKeyDto, StoreCheckInCodeDto } from '@toyclub/shared';
import { checkInCodeImage } from '../checkins/checkInCodeImage';
import { SCAN_PAGE, storeCheckInScene } from '../checkins/storeScenes';
import { staffAuth } from '../staff/staffAuth';
import { Store } from './Store';
import { numericId } from '../app/numericId';

const IdSchema = z.object({ params: z.object({ id: numericId }) });
const RuleSchema = z.object({
  params: z.object({ id: numericId }),
  body: z.object({ pointsPerYuan: z.number().int().min(0).max(100).nullable() }),
});

/** Owners' store settings: the POS key, the check-in code's signed scene and the points rule. */
export function adminStoreRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/stores' });
  const limit = rateLimit({ name: 'admin-stores', points: 30, durationSeconds: 60 });

  router.post(
    '/:id/pos-key',
    limit,
    staffAuth('stores.manage'),
    validate(IdSchema, async (ctx) => {
      const repository = ctx.system.dataSource.getRepository(Store);
      const store = await repository.findOneBy({ id: ctx.input.params.id });
      if (!store) throw errors.notFound('store_not_found', '找不到这家门店');
      // Shown once; only the sealed key is kept. Rotating it cuts off the old POS key at once.
      const secret = randomBytes(32).toString('base64url');
      await repository.update({ id: store.id }, { posSecretSealed: posSecretBox(ctx.system.config.security.signingSecret).seal(secret) });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { storeId: store.id, storeCode: store.code, secret } satisfies PosKeyDto;
    }),
  );

  router.get(
    '/:id/check-in-code',
    limit,
    staffAuth('stores.manage'),
    validate(IdSchema, async (ctx) => {
      const store = await ctx.system.dataSource.getRepository(Store).findOneBy({ id: ctx.input.params.id });
      if (!store) throw errors.notFound('store_not_found', '找不到这家门店');
      const body: StoreCheckInCodeDto = { storeId: store.id, scene: storeCheckInScene(ctx.system.config, store.id), page: SCAN_PAGE };
      ctx.body = body;
    }),
  );

  router.get(
    '/:id/check-in-code.png',
    limit,
    staffAuth('stores.manage'),
    validate(IdSchema, async (ctx) => {
      const store = await ctx.system.dataSource.getRepository(Store).findOneBy({ id: ctx.input.params.id });
      if (!store) throw errors.notFound('store_not_found', '找不到这家门店');
      const image = await checkInCodeImage(ctx.system, storeCheckInScene(ctx.system.config, store.id));
      ctx.set('Cache-Control', 'private, max-age=3600');
      ctx.type = image.contentType;
      ctx.body = image.image;
    }),
  );

  router.put(
    '/:id/points-rule',
    limit,
    staffAuth('stores.manage'),
    validate(RuleSchema, async (ctx) => {
      const result = await ctx.system.dataSource.getRepository(Store).update({ id: ctx.input.params.id }, { pointsPerYuan: ctx.input.body.pointsPerYuan });
      if (result.affected !== 1) throw errors.notFound('store_not_found', '找不到这家门店');
      ctx.body = { storeId: ctx.input.params.id, pointsPerYuan: ctx.input.body.pointsPerYuan ?? ctx.system.config.points.perYuan } satisfies PointsRuleDto;
    }),
  );
  return router;
}
