import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import type { AppConfig } from '../config/configSchema';

/** A listening HTTP server and the way to stop it gracefully. */
export interface RunningHttpServer {
  server: http.Server;
  port: number;
  /**
   * Stops accepting connections, lets in-flight requests finish (closing idle keep-alive
   * sockets at once), and after `timeoutMs` cuts whatever is still open.
   */
  close(timeoutMs: number): Promise<void>;
}

/** Listens on the configured host and port (port 0 picks a free one). */
export async function startHttpServer<S, C>(
  app: Koa<S, C>,
  config: Pick<AppConfig, 'http'>,
  port = config.http.port,
): Promise<RunningHttpServer> {
  const server = http.createServer(app.callback());
  server.requestTimeout = config.http.requestTimeoutMs;
  server.headersTimeout = Math.min(config.http.requestTimeoutMs, 60_000);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.http.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const close = (timeoutMs: number): Promise<void> =>
    new Promise((resolve) => {
      const forceTimer = setTimeout(() => server.closeAllConnections(), timeoutMs);
      // Keep-alive sockets become idle as their last request finishes: sweep them so the
      // close completes as soon as the in-flight requests are answered.
      const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
      server.close(() => {
        clearTimeout(forceTimer);
        clearInterval(idleSweep);
        resolve();
      });
      server.closeIdleConnections();
    });
  return { server, port: (server.address() as AddressInfo).port, close };
}
