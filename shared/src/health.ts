/** The dependencies whose state `GET /healthz` reports. */
export const HEALTH_DEPENDENCIES = ['mariadb', 'redis'] as const;

/** One of {@link HEALTH_DEPENDENCIES}. */
export type HealthDependency = (typeof HEALTH_DEPENDENCIES)[number];

/** The state of one dependency, with how long its probe took. */
export interface DependencyHealthDto {
  status: 'up' | 'down';
  latencyMs: number;
  /** Why the probe failed; present only when the dependency is down. */
  reason?: string;
}

/** The body of `GET /healthz`: 200 when every dependency is up, 503 otherwise. */
export interface HealthDto {
  status: 'ok' | 'degraded';
  /** The dependencies that are down, so a 503 names them. */
  down: HealthDependency[];
  dependencies: Record<HealthDependency, DependencyHealthDto>;
  version: string;
  uptimeSeconds: number;
}
