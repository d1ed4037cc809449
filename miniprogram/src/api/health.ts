import type { HealthDto } from '@toyclub/shared';
import { apiRequest, invalidResponseError } from './client';

/** True when a parsed body has the shape of {@link HealthDto} (enough of it to show). */
export function isHealthDto(value: unknown): value is HealthDto {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (candidate.status === 'ok' || candidate.status === 'degraded') && Array.isArray(candidate.down);
}

/**
 * `GET /healthz`: the server's own view of its dependencies. A 503 still carries a full
 * report (status `degraded`), so it resolves rather than rejects; only a missing or
 * unreadable answer rejects, with an {@link ApiError}.
 */
export async function fetchHealth(): Promise<HealthDto> {
  const body = await apiRequest<unknown>('/healthz', { acceptStatuses: [503], timeoutMs: 8000 });
  if (!isHealthDto(body)) {
    throw invalidResponseError(200);
  }
  return body;
}
