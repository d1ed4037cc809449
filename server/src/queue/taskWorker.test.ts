import { RecordingTask, recordingKeys } from '../testing/fixtures/RecordingTask';
import { spawnTsProcess } from '../testing/spawnTsProcess';
import type { TsProcess } from '../testing/spawnTsProcess';
import { uniqueTag } from '../testing/createTestSystem';
import { workerDatabaseUrl } from '../testing/testDatabase';
import { createSystem } from '../system/createSystem';
import { loadConfig } from '../config/loadConfig';
import type { System } from '../system/System';

const WORKER_ENTRY = 'server/src/testing/fixtures/recordingWorker.ts';

async function eventually<T>(probe: () => Promise<T | null | undefined>, what: string, attempts = 150): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('tasks on real Bull queues and real worker processes', () => {
  const tag = uniqueTag();
  const overrides = {
    database: { url: workerDatabaseUrl(process.env.JEST_WORKER_ID ?? '1') },
    redis: { keyPrefix: `toyclub-test:${tag}:` },
    queue: { prefix: `toyclub-test-${tag}` },
  };
  const task = new RecordingTask();
  let system: System;
  const workers: TsProcess[] = [];

  const startWorker = async (): Promise<TsProcess> => {
    const worker = spawnTsProcess(WORKER_ENTRY, [JSON.stringify(overrides)]);
    workers.push(worker);
    await worker.waitForOutput(/worker ready/);
    return worker;
  };
  const keysOf = (id: string) => recordingKeys(overrides.redis.keyPrefix, id);

  beforeAll(async () => {
    system = await createSystem({ config: loadConfig(overrides), role: 'test', migrate: false });
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await system.close();
  });

  it('runs a scheduled job once, even when it is scheduled twice', async () => {
    const worker = await startWorker();
    const id = uniqueTag();
    const first = await system.scheduler.schedule(task, { id });
    const second = await system.scheduler.schedule(task, { id });
    expect(second.id).toBe(first.id);
    const finishedBy = await eventually(() => system.redis.get(keysOf(id).done), 'the job to finish');
    expect(finishedBy).toBe(String(worker.child.pid));
    expect(await system.redis.get(keysOf(id).attempts)).toBe('1');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });

  it('finishes a job whose worker was killed mid-job once a worker is back', async () => {
    const crashing = await startWorker();
    const id = uniqueTag();
    const job = await system.scheduler.schedule(task, { id, holdFirstAttemptMs: 60_000 });
    await eventually(() => system.redis.get(keysOf(id).attempts), 'the first attempt to start');
    crashing.child.kill('SIGKILL');
    expect(await crashing.exited).toBe('SIGKILL');

    const restarted = await startWorker();
    const finishedBy = await eventually(() => system.redis.get(keysOf(id).done), 'the job to be finished after restart');
    expect(finishedBy).toBe(String(restarted.child.pid));
    expect(await system.redis.get(keysOf(id).attempts)).toBe('2');
    const reloaded = await eventually(async () => {
      const current = await system.queues.get(task.queueName).getJob(job.id);
      return current && (await current.isCompleted()) ? current : null;
    }, 'the job to be marked completed');
    expect(reloaded.returnvalue ?? null).toBeNull();
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  });

  it('lets an in-flight job finish when the worker is asked to stop', async () => {
    const worker = await startWorker();
    const id = uniqueTag();
    await system.scheduler.schedule(task, { id, holdFirstAttemptMs: 1_500 });
    await eventually(() => system.redis.get(keysOf(id).attempts), 'the job to start');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await system.redis.get(keysOf(id).done)).toBe(String(worker.child.pid));
    expect(await system.redis.get(keysOf(id).attempts)).toBe('1');
  });
});
