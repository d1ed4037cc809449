import { loadConfig } from '../config/loadConfig';
import { createLogger } from '../logging/createLogger';
import { onShutdownSignal } from '../system/onShutdownSignal';
import { runMain } from '../system/runMain';
import { parseSimulatorArgs } from './parseSimulatorArgs';
import { startWechatSimulator } from './startWechatSimulator';

/**
 * `npm run wechat-sim -- --port 3900`: the WeChat simulator as its own process, playing the
 * official account and mini-program of the app's configuration and pushing to its /wechat.
 */
runMain('WeChat simulator', async () => {
  const args = parseSimulatorArgs(process.argv.slice(2));
  const config = loadConfig();
  const { wechat } = config;
  const logger = createLogger(config, 'wechat-sim');
  const sim = await startWechatSimulator({
    port: args.port ?? wechat.simulator.port,
    host: args.host ?? '127.0.0.1',
    oa: wechat.oa,
    mp: wechat.mp,
    callbackUrl: args.callbackUrl ?? wechat.simulator.callbackUrl,
    pushMode: args.pushMode,
    retryDelayMs: args.retryDelayMs,
    jobFinishDelayMs: args.jobFinishDelayMs,
    logger,
  });
  onShutdownSignal(logger, 5000, () => sim.close());
  process.stdout.write(
    `WeChat simulator listening on ${sim.url}\n` +
      `  official account ${wechat.oa.appId}, mini-program ${wechat.mp.appId}\n` +
      `  pushes to ${sim.settings.callbackUrl ?? '(nowhere yet)'} (${sim.settings.pushMode} mode)\n` +
      `  control API: GET ${sim.url}/__sim\n`,
  );
});
