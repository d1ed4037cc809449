import Router from '@koa/router';
import { z } from 'zod';
import type { OaMenuPublishDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../../app/appTypes';
import { errors } from '../../app/errors';
import { rateLimit } from '../../app/rateLimit';
import { validate } from '../../app/validate';
import { storeCheckInScene } from '../../checkins/storeScenes';
import { Store } from '../../stores/Store';
import { wechatGatewayOf } from '../wechatGatewayOf';
import { ownerOrManager, recordAdminAction } from './adminAccess';

const StoreQrSchema = z.object({ params: z.object({ id: z.string().regex(/^\d{1,19}$/) }) });

/** A store's official-account QR code: scanning it follows (or, for followers, checks in). */
export interface StoreQrCodeDto {
  storeId: string;
  scene: string;
  ticket: string;
  /** What the code encodes. */
  url: string;
  /** WeChat's image of the code, for printing. */
  imageUrl: string;
}

/**
 * Official-account settings for owners and managers: publish the configured custom menu,
 * and create a store's permanent parametric QR code (its scene is the store's signed
 * check-in scene, so a follower's scan checks them in).
 */
export function oaAdminRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/oa' });
  const limit = rateLimit({ name: 'admin-oa', points: 10, durationSeconds: 60 });

  router.get('/menu', limit, ...ownerOrManager(), async (ctx) => {
    ctx.body = ctx.system.config.officialAccount.menu;
  });

  router.post('/menu/publish', limit, ...ownerOrManager(), async (ctx) => {
    const menu = ctx.system.config.officialAccount.menu;
    await wechatGatewayOf(ctx.system).oa.menus.create(menu);
    await recordAdminAction(ctx.system.dataSource, ctx, 'oa.menu_publish', menu.button.map((button) => button.name).join(' / '));
    ctx.body = { published: true, buttons: menu.button.length } satisfies OaMenuPublishDto;
  });

  router.post(
    '/stores/:id/qrcode',
    limit,
    ...ownerOrManager(),
    validate(StoreQrSchema, async (ctx) => {
      const store = await ctx.system.dataSource.getRepository(Store).findOneBy({ id: ctx.input.params.id });
      if (!store) throw errors.notFound('store_not_found', '找不到这家门店');
      const scene = storeCheckInScene(ctx.system.config, store.id);
      const code = await wechatGatewayOf(ctx.system).oa.createQrCode({ scene, permanent: true });
      await recordAdminAction(ctx.system.dataSource, ctx, 'oa.store_qrcode', `store ${store.id} ${store.name}`);
      ctx.body = { storeId: store.id, scene, ticket: code.ticket, url: code.url, imageUrl: code.imageUrl } satisfies StoreQrCodeDto;
    }),
  );
  return router;
}
