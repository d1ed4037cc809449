import Router from '@koa/router';
import { z } from 'zod';
import type { SceneDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { issueCardCode } from '../cards/cardCodes';
import { byMember, currentMember, memberAuth } from '../members/memberAuth';
import { receiptClaimer } from '../receipts/receiptClaimer';
import { RECEIPT_SCENE_PREFIX } from '../receipts/receiptCodes';
import { Store } from '../stores/Store';
import { checkInRecorder } from './checkInRecorder';
import { verifyStoreScene } from './storeScenes';

const scene = z.string().trim().min(2).max(32);

/** The member card code, store check-in, receipt claims and the scan landing page's lookup. */
export function inStoreRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/mp' });

  router.post('/card-code', rateLimit({ name: 'mp-card-code', points: 30, durationSeconds: 60, key: byMember }), memberAuth(), async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = issueCardCode(ctx.system, currentMember(ctx).id, new Date());
  });

  router.post(
    '/check-ins',
    rateLimit({ name: 'mp-check-in', points: 10, durationSeconds: 60, key: byMember }),
    memberAuth(),
    validate(z.object({ body: z.object({ scene }) }), async (ctx) => {
      ctx.body = await checkInRecorder({ system: ctx.system, memberId: currentMember(ctx).id, scene: ctx.input.body.scene, now: new Date() });
    }),
  );

  router.post(
    '/receipt-claims',
    // Tight: a claim code is a bearer secret, so guessing must be slow.
    rateLimit({ name: 'mp-receipt-claim', points: 10, durationSeconds: 600, key: byMember }),
    memberAuth(),
    validate(z.object({ body: z.object({ code: z.string().trim().min(8).max(16) }) }), async (ctx) => {
      ctx.body = await receiptClaimer({ system: ctx.system, memberId: currentMember(ctx).id, code: ctx.input.body.code, now: new Date() });
    }),
  );

  router.get(
    '/scenes/:scene',
    rateLimit({ name: 'mp-read', points: 120, durationSeconds: 60, key: byMember }),
    memberAuth(),
    validate(z.object({ params: z.object({ scene }) }), async (ctx) => {
      const value = decodeURIComponent(ctx.input.params.scene);
      const storeId = verifyStoreScene(ctx.system.config, value);
      const store = storeId ? await ctx.system.dataSource.getRepository(Store).findOneBy({ id: storeId }) : null;
      let body: SceneDto;
      if (store) body = { kind: 'check_in', storeId: store.id, storeName: store.name };
      else if (/^r[2-9A-HJ-NP-Z]{10}$/.test(value)) body = { kind: 'receipt', code: value.slice(RECEIPT_SCENE_PREFIX.length) };
      else throw errors.badRequest('scene_invalid', '无法识别的二维码');
      ctx.body = body;
    }),
  );
  return router;
}
