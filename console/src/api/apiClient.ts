import type { ApiErrorBody } from '@toyclub/shared';
import { ApiError } from './ApiError';

/** Called once when any call answers 401, so that the app can return to the sign-in page. */
let onUnauthorized: (() => void) | null = null;

/** Registers the handler for an expired or missing session. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  // Same origin: the httpOnly staff cookie (path /api, SameSite=Strict) goes along by itself.
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (parsed ?? {}) as Partial<ApiErrorBody>;
    if (response.status === 401 && path !== '/api/admin/session') onUnauthorized?.();
    throw new ApiError(response.status, error.error ?? 'http_error', error.message ?? `请求失败（${response.status}）`, error.details);
  }
  return parsed as T;
}

/** The console's JSON client for `/api/admin/*`. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
