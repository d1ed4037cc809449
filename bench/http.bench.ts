/**
 * HTTP stack overhead: GET /healthz through the full Koa app (request id, logging,
 * error renderer, security headers, router, a MariaDB and a Redis probe) against a bare
 * node:http handler doing the same `SELECT 1` over raw mysql2 and the same Redis PING,
 * measured in the same run with the same load.
 */
import mysql from 'mysql2/promise';
import Redis from 'ioredis';
import { createApp } from '../server/src/app/createApp';
import { startHttpServer } from '../server/src/http/startHttpServer';
import { createSystem } from '../server/src/system/createSystem';
import { parseDatabaseUrl } from '../server/src/db/databaseUrl';
import { benchConfig, load, report, startBareServer } from './benchSupport';

const CONNECTIONS = 32;
const SECONDS = 8;

async function main(): Promise<void> {
  const config = benchConfig();
  const system = await createSystem({ config, role: 'bench' });
  const app = await startHttpServer(createApp(system), { http: { ...config.http, host: '127.0.0.1' } }, 0);

  const address = parseDatabaseUrl(config.database.url);
  const pool = mysql.createPool({ ...address, connectionLimit: config.database.poolSize });
  const redis = new Redis(config.redis.url);
  const bare = await startBareServer((_req, res) => {
    Promise.all([pool.query('SELECT 1'), redis.ping()]).then(
      () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      },
      () => {
        res.writeHead(503);
        res.end();
      },
    );
  });

  // Warm both up (JIT, pools) before measuring.
  await load(`${bare.url}/healthz`, { connections: CONNECTIONS, seconds: 2 });
  await load(`http://127.0.0.1:${app.port}/healthz`, { connections: CONNECTIONS, seconds: 2 });
  const baseline = await load(`${bare.url}/healthz`, { connections: CONNECTIONS, seconds: SECONDS });
  const subject = await load(`http://127.0.0.1:${app.port}/healthz`, { connections: CONNECTIONS, seconds: SECONDS });

  process.stdout.write(`GET /healthz, ${CONNECTIONS} connections, ${SECONDS} s each\n`);
  report('throughput (Koa app vs bare node:http)', subject.requestsPerSecond, baseline.requestsPerSecond, 'req/s');
  report('p50 latency', subject.p50Ms, baseline.p50Ms, 'ms');
  report('p99 latency', subject.p99Ms, baseline.p99Ms, 'ms');
  if (subject.errors + subject.non2xx > 0) {
    process.stdout.write(`errors: ${subject.errors}, non-2xx: ${subject.non2xx}\n`);
    process.exitCode = 1;
  }

  await bare.close();
  await pool.end();
  redis.disconnect();
  await app.close(1000);
  await system.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
