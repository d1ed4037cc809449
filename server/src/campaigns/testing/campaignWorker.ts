import { loadConfig } from '../../config/loadConfig';
import { TaskWorker } from '../../queue/TaskWorker';
import { createSystem } from '../../system/createSystem';
import { onShutdownSignal } from '../../system/onShutdownSignal';
import { runMain } from '../../system/runMain';
import { CAMPAIGN_SEND_QUEUE } from '../campaignQueues';
import { CAMPAIGN_TASKS } from './campaignTasks';

/**
 * A worker process running the campaign tasks, started by tests with their config
 * overrides as JSON in argv[2], so that a test can SIGKILL it mid-campaign.
 */
runMain('campaign worker', async () => {
  const config = loadConfig(JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>);
  const system = await createSystem({ config, role: 'test-worker', migrate: false });
  TaskWorker.start({ system, tasks: CAMPAIGN_TASKS, concurrencyByQueue: { [CAMPAIGN_SEND_QUEUE]: config.campaigns.sendConcurrency } });
  onShutdownSignal(system.logger, config.shutdown.timeoutMs, () => system.close());
  process.stdout.write('campaign worker ready\n');
});
