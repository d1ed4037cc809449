import http from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { deepMerge, loadConfig } from '../server/src/config/loadConfig';
import type { ConfigOverrides } from '../server/src/config/loadConfig';
import type { AppConfig } from '../server/src/config/configSchema';
import { withDatabaseName } from '../server/src/db/databaseUrl';

/**
 * The configuration benchmarks run with: a database of their own, quiet logs. Overrides
 * are merged key by key, so `{ database: { poolSize } }` keeps the bench database.
 */
export function benchConfig(overrides: ConfigOverrides = {}): AppConfig {
  const base = loadConfig();
  const defaults = {
    database: { url: withDatabaseName(base.database.url, 'toyclub_bench'), poolSize: 10 },
    redis: { keyPrefix: 'toyclub-bench:' },
    queue: { prefix: 'toyclub-bench' },
    logging: { level: 'silent' },
  };
  return loadConfig(deepMerge(defaults, overrides));
}

/** Throughput and latency of one autocannon run. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon against `url` for `seconds` with `connections` concurrent clients. */
export async function load(url: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Starts a bare node:http server (the baseline) on a free port. */
export async function startBareServer(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Prints one comparison line: the subject's figure, the baseline's, and their ratio. */
export function report(label: string, subject: number, baseline: number, unit: string): void {
  const ratio = baseline === 0 ? Number.NaN : subject / baseline;
  process.stdout.write(
    `${label.padEnd(44)} ${subject.toFixed(1).padStart(10)} ${unit}  baseline ${baseline.toFixed(1).padStart(10)} ${unit}  ratio ${ratio.toFixed(2)}\n`,
  );
}
