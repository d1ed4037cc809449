import { createApp } from './app/createApp';
import { loadConfig } from './config/loadConfig';
import { startHttpServer } from './http/startHttpServer';
import { createSystem } from './system/createSystem';
import { onShutdownSignal } from './system/onShutdownSignal';
import { runMain } from './system/runMain';

/** The HTTP process: API, official-account callback, admin console and the H5 app. */
runMain('ToyClub HTTP server', async () => {
  const config = loadConfig();
  const system = await createSystem({ config, role: 'http' });
  const app = createApp(system);
  const http = await startHttpServer(app, config);
  // The handler goes in before the announcement: a supervisor may signal as soon as it
  // reads the line, and a SIGTERM with no listener kills the process mid-request.
  onShutdownSignal(system.logger, config.shutdown.timeoutMs, async () => {
    const closing = http.close(config.shutdown.timeoutMs);
    system.logger.info('stopped accepting connections; finishing requests in flight');
    await closing;
    await system.close();
  });
  const base = config.http.publicBaseUrl;
  system.logger.info({ port: http.port, h5: `${base}/h5/`, health: `${base}/healthz` }, 'HTTP server listening');
});
