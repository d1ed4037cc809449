import { createHmac } from 'node:crypto';
import { errors } from '../app/errors';
import type { AppContext, AppMiddleware } from '../app/appTypes';
import { SecretBox } from '../security/SecretBox';
import { safeEqual } from '../security/secretTokens';
import { Store } from '../stores/Store';

/** Request headers a POS signs with. */
export const POS_HEADERS = { store: 'x-toyclub-store', timestamp: 'x-toyclub-timestamp', signature: 'x-toyclub-signature' } as const;

/** What {@link posAuth} leaves on `ctx.state`. */
interface PosAuthState {
  posStore?: Store;
}

/** The sealing box of stores' POS keys. */
export function posSecretBox(signingSecret: string): SecretBox {
  return new SecretBox(signingSecret, 'pos-secret');
}

/**
 * The signature a POS sends: hex HMAC-SHA256 under the store's key of
 * `timestamp \n METHOD \n path \n raw body`.
 */
export function posSignature(secret: string, timestamp: string, method: string, path: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${method.toUpperCase()}\n${path}\n${rawBody}`).digest('hex');
}

const refused = () => errors.unauthorized('pos_signature_invalid', 'POS 签名无效');

/**
 * Authenticates a store's POS by the HMAC of each request under that store's own key,
 * with the timestamp inside the signature and a bounded clock skew, so a captured
 * request cannot be replayed later (and idempotency keys stop replays within the skew).
 */
export function posAuth(): AppMiddleware {
  return async (ctx, next) => {
    const code = ctx.get(POS_HEADERS.store);
    const timestamp = ctx.get(POS_HEADERS.timestamp);
    const signature = ctx.get(POS_HEADERS.signature).toLowerCase();
    if (!code || !/^\d{9,11}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) throw refused();
    const skew = Math.abs(Date.now() / 1000 - Number(timestamp));
    if (skew > ctx.system.config.pos.maxClockSkewSeconds) throw errors.unauthorized('pos_timestamp_skewed', 'POS 时间与服务器相差过大');
    const store = await ctx.system.dataSource.getRepository(Store).findOneBy({ code });
    if (!store?.posSecretSealed) throw refused();
    const secret = posSecretBox(ctx.system.config.security.signingSecret).open(store.posSecretSealed);
    const rawBody = ctx.request.rawBody ?? '';
    if (!safeEqual(signature, posSignature(secret, timestamp, ctx.method, ctx.path, rawBody))) throw refused();
    (ctx.state as PosAuthState).posStore = store;
    await next();
  };
}

/** The store whose POS signed this request (after {@link posAuth}). */
export function posStoreOf(ctx: AppContext): Store {
  const store = (ctx.state as PosAuthState).posStore;
  if (!store) throw new Error('posAuth did not run');
  return store;
}
