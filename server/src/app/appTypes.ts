import type { ParameterizedContext, Middleware, Next } from 'koa';
import type { Logger } from '../logging/createLogger';
import type { System } from '../system/System';

/** What every request carries in `ctx.state`. */
export interface AppState {
  requestId: string;
  log: Logger;
}

/** What the app adds to every Koa context. */
export interface AppContextExtras {
  system: System;
}

/** The context a plain route handler receives. */
export type AppContext = ParameterizedContext<AppState, AppContextExtras>;

/** The context a validated handler receives: the parsed input is on `ctx.input`. */
export type ApiContext<Input> = AppContext & { input: Input };

/** A middleware on the app's context. */
export type AppMiddleware = Middleware<AppState, AppContextExtras>;

export type { Next };
