import { z } from 'zod';
import { errors } from './errors';
import type { ApiContext, AppContext, AppMiddleware } from './appTypes';

const chineseMessages = z.locales.zhCN().localeError;

/** A request schema: any of body, query and params, each a zod schema. */
export type RequestSchema = z.ZodType<{ body?: unknown; query?: unknown; params?: unknown }>;

/** The readable field problems of a failed parse, keyed by dotted path. */
export function issueDetails(error: z.ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(root)';
    details[key] ??= issue.message;
  }
  return details;
}

function requestParts(ctx: AppContext): { body: unknown; query: unknown; params: unknown } {
  const params = 'params' in ctx ? ctx.params : {};
  return { body: ctx.request.body ?? {}, query: ctx.query, params };
}

/**
 * Parses the request against `schema` and hands the typed result to `handler` as
 * `ctx.input`. Input that does not parse is refused with 400 `validation_failed` and a
 * Chinese message per field; the handler never sees it.
 */
export function validate<S extends RequestSchema>(
  schema: S,
  handler: (ctx: ApiContext<z.infer<S>>) => Promise<void>,
): AppMiddleware {
  return async (ctx) => {
    const result = schema.safeParse(requestParts(ctx), { error: chineseMessages });
    if (!result.success) throw errors.validationFailed(issueDetails(result.error));
    await handler(Object.assign(ctx, { input: result.data }));
  };
}
