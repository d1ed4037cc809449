import { CAMPAIGN_SEND_QUEUE } from './campaigns/campaignQueues';
import { loadConfig } from './config/loadConfig';
import { registerRepeatableJobs } from './queue/repeatableJobs';
import { TASKS } from './queue/taskRegistry';
import { TaskWorker } from './queue/TaskWorker';
import { createSystem } from './system/createSystem';
import { onShutdownSignal } from './system/onShutdownSignal';
import { runMain } from './system/runMain';

/**
 * The worker process: runs every queued task and owns the repeatable schedule. Run as
 * many as the load needs; each job runs once whichever worker takes it.
 */
runMain('ToyClub worker', async () => {
  const config = loadConfig();
  const system = await createSystem({ config, role: 'worker' });
  const worker = TaskWorker.start({
    system,
    tasks: TASKS,
    concurrencyByQueue: { [CAMPAIGN_SEND_QUEUE]: config.campaigns.sendConcurrency },
  });
  await registerRepeatableJobs(system.scheduler, system.queues);
  // Before the announcement, so that a signal sent on reading it is always handled.
  onShutdownSignal(system.logger, config.shutdown.timeoutMs, () => system.close());
  system.logger.info({ queues: worker.processedQueues.map((queue) => queue.name) }, 'worker started');
});
