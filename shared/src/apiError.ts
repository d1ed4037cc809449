/**
 * The body of every error the server answers with: a stable snake_case id that code can
 * branch on, and a message (Chinese where a person reads it) that can be shown as it is.
 */
export interface ApiErrorBody {
  error: string;
  message: string;
  /** Field-level problems from request validation, keyed by the dotted path of the field. */
  details?: Record<string, string>;
}

/** True when a parsed JSON value has the shape of {@link ApiErrorBody}. */
export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.error === 'string' && typeof candidate.message === 'string';
}
