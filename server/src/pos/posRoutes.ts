import Router from '@koa/router';
import { z } from 'zod';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { presentRefund } from '../purchases/presentRefund';
import { purchaseRequestHandler } from '../purchases/purchaseRequestHandler';
import { purchaseBody, refundBody } from '../purchases/purchaseSchemas';
import { refundRecorder } from '../purchases/refundRecorder';
import { requestHash } from '../purchases/requestHash';
import { POS_HEADERS, posAuth, posStoreOf } from './posAuth';

const posLimit = (name: string) =>
  rateLimit({ name, points: 600, durationSeconds: 60, key: (ctx) => ctx.get(POS_HEADERS.store) || ctx.ip });

/** `POST /api/pos/purchases` and `POST /api/pos/refunds`: stores' POS systems, HMAC-signed per store. */
export function posRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/pos' });

  router.post(
    '/purchases',
    posLimit('pos-purchases'),
    posAuth(),
    validate(z.object({ body: purchaseBody }), async (ctx) => {
      const store = posStoreOf(ctx);
      const body = ctx.input.body;
      ctx.body = await purchaseRequestHandler({ system: ctx.system, storeId: store.id, source: 'pos', staffId: null, body, now: new Date() });
    }),
  );

  router.post(
    '/refunds',
    posLimit('pos-refunds'),
    posAuth(),
    validate(z.object({ body: refundBody }), async (ctx) => {
      const store = posStoreOf(ctx);
      const { purchaseId, amountFen, idempotencyKey } = ctx.input.body;
      const recorded = await refundRecorder({
        system: ctx.system,
        purchaseId,
        storeId: store.id,
        source: 'pos',
        idempotencyKey,
        requestHash: requestHash({ purchaseId, amountFen: amountFen ?? null }),
        amountFen,
        staffId: null,
        now: new Date(),
      });
      ctx.body = presentRefund(recorded);
    }),
  );
  return router;
}
