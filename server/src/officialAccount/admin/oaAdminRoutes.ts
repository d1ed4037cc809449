import Router from '@koa/router';
import { z } from 'zod';
import type { ChannelQrCodeDto, OaMenuPublishDto, StoreQrCodeDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../../app/appTypes';
import { errors } from '../../app/errors';
import { rateLimit } from '../../app/rateLimit';
import { validate } from '../../app/validate';
import { storeCheckInScene } from '../../checkins/storeScenes';
import { Store } from '../../stores/Store';
import { ownerOrManager, recordAdminAction } from './adminAccess';
import { signedNumericId } from '../../app/numericId';

const StoreQrSchema = z.object({ params: z.object({ id: signedNumericId }) });
const ChannelQrSchema = z.object({
  body: z.object({
    kind: z.enum(['poster', 'campaign']),
    code: z.string().regex(/^[A-Za-z0-9_-]{1,48}$/),
    /** Permanent codes are limited to 100 000 per account: posters that stay up; campaigns expire. */
    permanent: z.boolean().default(false),
    expireDays: z.number().int().min(1).max(30).default(30),
  }),
});


/**
 * Official-account settings for owners and managers: publish the configured custom menu,
 * create a store's permanent parametric QR code (its scene is the store's signed check-in
 * scene, so a follower's scan checks them in), and poster or campaign codes whose follows
 * are attributed to them.
 */
export function oaAdminRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/oa' });
  const limit = rateLimit({ name: 'admin-oa', points: 10, durationSeconds: 60 });

  router.get('/menu', limit, ...ownerOrManager(), async (ctx) => {
    ctx.body = ctx.system.config.officialAccount.menu;
  });

  router.post('/menu/publish', limit, ...ownerOrManager(), async (ctx) => {
    const menu = ctx.system.config.officialAccount.menu;
    await ctx.system.wechat.oa.menus.create(menu);
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
      const code = await ctx.system.wechat.oa.createQrCode({ scene, permanent: true });
      await recordAdminAction(ctx.system.dataSource, ctx, 'oa.store_qrcode', `store ${store.id} ${store.name}`);
      ctx.body = { storeId: store.id, scene, ticket: code.ticket, url: code.url, imageUrl: code.imageUrl } satisfies StoreQrCodeDto;
    }),
  );

  router.post(
    '/qrcodes',
    limit,
    ...ownerOrManager(),
    validate(ChannelQrSchema, async (ctx) => {
      const { kind, code, permanent, expireDays } = ctx.input.body;
      const scene = `${kind}:${code}`;
      const created = await ctx.system.wechat.oa.createQrCode({ scene, permanent, expireSeconds: expireDays * 86_400 });
      await recordAdminAction(ctx.system.dataSource, ctx, 'oa.channel_qrcode', scene);
      ctx.body = { scene, ticket: created.ticket, url: created.url, imageUrl: created.imageUrl, expireSeconds: created.expireSeconds } satisfies ChannelQrCodeDto;
    }),
  );
  return router;
}
