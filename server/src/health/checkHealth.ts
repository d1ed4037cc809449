import type { DependencyHealthDto, HealthDependency, HealthDto } from '@toyclub/shared';
import type { System } from '../system/System';

const PROBE_TIMEOUT_MS = 1500;
const startedAt = Date.now();

async function probe(check: () => Promise<unknown>): Promise<DependencyHealthDto> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'down', latencyMs: Date.now() - started, reason };
  } finally {
    clearTimeout(timer);
  }
}

/** Probes MariaDB and Redis in parallel, each with a short timeout. */
export async function checkHealth(system: System, version: string): Promise<HealthDto> {
  const [mariadb, redis] = await Promise.all([
    probe(() => system.dataSource.query('SELECT 1')),
    probe(() => system.redis.ping()),
  ]);
  const dependencies: Record<HealthDependency, DependencyHealthDto> = { mariadb, redis };
  const down = (Object.keys(dependencies) as HealthDependency[]).filter((name) => dependencies[name].status === 'down');
  return {
    status: down.length === 0 ? 'ok' : 'degraded',
    down,
    dependencies,
    version,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
  };
}
