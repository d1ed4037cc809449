import Router from '@koa/router';
import wechat from 'co-wechat';
import type { Context } from 'koa';
import { AppError } from '../app/AppError';
import type { AppContextExtras, AppMiddleware, AppState } from '../app/appTypes';
import type { AppConfig } from '../config/configSchema';
import { callbackGuard } from './callback/callbackGuard';
import type { PushHandlingOptions } from './callback/handlePush';
import { handlePush } from './callback/handlePush';

/** Options of {@link officialAccountRoutes}. */
export interface OfficialAccountRouteOptions extends PushHandlingOptions {
  /** Where WeChat pushes (default `/wechat`, the URL configured in the official account). */
  path?: string;
}

/** Marks an error thrown by our handler, so that it is not mistaken for a parse failure. */
class HandlerFailure extends Error {
  constructor(readonly original: unknown) {
    super('push handler failed');
  }
}

/**
 * co-wechat mounted with our handler. co-wechat parses the XML (and decrypts in safe mode)
 * before calling the handler: anything it throws before that point is a malformed push,
 * answered 400; our handler's own errors pass through unchanged.
 */
function coWechat(config: AppConfig, options: PushHandlingOptions): AppMiddleware {
  const { oa } = config.wechat;
  const middleware = wechat({ token: oa.token, appid: oa.appId, encodingAESKey: oa.aesKey }).middleware(async (message, ctx) => {
    try {
      return await handlePush(message, ctx as Context & AppContextExtras & { state: AppState }, options);
    } catch (error) {
      throw new HandlerFailure(error);
    }
  });
  return async (ctx, next) => {
    try {
      await middleware(ctx as unknown as Context, next);
    } catch (error) {
      if (error instanceof HandlerFailure) throw error.original;
      if (error instanceof AppError) throw error;
      ctx.state.log.warn({ err: error }, 'push refused: co-wechat could not read it');
      throw new AppError(400, 'invalid_xml', '消息格式不正确');
    }
  };
}

/**
 * The official account's callback: `GET /wechat` answers WeChat's URL check, `POST /wechat`
 * takes messages and events in plain and safe mode. No rate limit: the signature is the
 * authentication, and WeChat's own servers are the only legitimate caller.
 */
export function officialAccountRoutes(config: AppConfig, options: OfficialAccountRouteOptions = {}): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>();
  const path = options.path ?? '/wechat';
  const handler = coWechat(config, options);
  router.get(path, callbackGuard(), handler);
  router.post(path, callbackGuard(), handler);
  return router;
}
