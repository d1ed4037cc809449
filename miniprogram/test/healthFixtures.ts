import type { HealthDto } from '@toyclub/shared';

/** A `GET /healthz` body, all up unless told otherwise. */
export function healthBody(overrides: Partial<HealthDto> = {}): HealthDto {
  return {
    status: 'ok',
    down: [],
    dependencies: {
      mariadb: { status: 'up', latencyMs: 2 },
      redis: { status: 'up', latencyMs: 1 },
    },
    version: '0.1.0',
    uptimeSeconds: 42,
    ...overrides,
  };
}

/** The 503 body of `GET /healthz` when Redis is down. */
export function degradedHealthBody(): HealthDto {
  return healthBody({
    status: 'degraded',
    down: ['redis'],
    dependencies: {
      mariadb: { status: 'up', latencyMs: 2 },
      redis: { status: 'down', latencyMs: 1000, reason: 'timeout' },
    },
  });
}
