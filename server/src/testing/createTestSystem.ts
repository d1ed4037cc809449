import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/configSchema';
import type { ConfigOverrides } from '../config/loadConfig';
import { loadConfig } from '../config/loadConfig';
import { createSystem } from '../system/createSystem';
import type { System } from '../system/System';
import { workerDatabaseUrl } from './testDatabase';

/** A short random tag that keeps one test file's Redis keys and queues apart from others. */
export function uniqueTag(): string {
  return randomBytes(4).toString('hex');
}

/**
 * The configuration a test uses: its Jest worker's database, and Redis key and queue
 * prefixes of its own, so that parallel test files never see each other's jobs.
 */
export function testConfig(overrides: ConfigOverrides = {}): AppConfig {
  const tag = uniqueTag();
  const worker = process.env.JEST_WORKER_ID ?? '1';
  return loadConfig({
    database: { url: workerDatabaseUrl(worker) },
    redis: { keyPrefix: `toyclub-test:${tag}:` },
    queue: { prefix: `toyclub-test-${tag}` },
    ...overrides,
  });
}

/** Builds a System on the worker's (already migrated) test database. Close it in afterAll. */
export async function createTestSystem(overrides: ConfigOverrides = {}): Promise<System> {
  return createSystem({ config: testConfig(overrides), role: 'test', migrate: false });
}
