import type { z } from 'zod';

/** A control-API answer: status (200 unless said) and a JSON body. */
export interface ControlAnswer {
  status?: number;
  body: unknown;
}

/** A control-API failure with its HTTP status (400 bad input, 404 unknown, 409 conflict). */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

/** One `/__sim/...` endpoint, with its input already erased to `unknown`. */
export interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  handle(body: unknown, query: URLSearchParams): Promise<ControlAnswer> | ControlAnswer;
}

/**
 * Declares a control endpoint whose JSON body must match `schema`; anything else is answered
 * 400 with zod's issues before `handler` runs.
 */
export function controlRoute<S extends z.ZodType>(
  method: ControlRoute['method'],
  path: string,
  schema: S,
  handler: (body: z.infer<S>, query: URLSearchParams) => Promise<ControlAnswer> | ControlAnswer,
): ControlRoute {
  return {
    method,
    path,
    handle(body, query) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        throw new ControlError(400, 'bad_request', `invalid body for ${method} ${path}`, issues);
      }
      return handler(parsed.data, query);
    },
  };
}
