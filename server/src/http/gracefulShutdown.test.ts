import net from 'node:net';
import { spawnTsProcess } from '../testing/spawnTsProcess';
import { uniqueTag } from '../testing/createTestSystem';
import { workerDatabaseUrl } from '../testing/testDatabase';

/** Opens a raw connection and sends a request whose body is only half written. */
function startSlowRequest(port: number, body: string): Promise<{ socket: net.Socket; response: Promise<string> }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /api/probe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 5)}`,
      );
      const response = new Promise<string>((done) => {
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('utf8')));
        socket.on('close', () => done(text));
        socket.on('error', () => done(text));
      });
      resolve({ socket, response });
    });
  });
}

describe('the HTTP process on SIGTERM', () => {
  it('stops accepting, finishes the request in flight, then exits 0', async () => {
    const server = spawnTsProcess('server/src/main.ts', [], {
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: workerDatabaseUrl(process.env.JEST_WORKER_ID ?? '1'),
      REDIS_KEY_PREFIX: `toyclub-test:${uniqueTag()}:`,
      QUEUE_PREFIX: `toyclub-test-${uniqueTag()}`,
    });
    try {
      const [, port] = await server.waitForOutput(/"port":(\d+)[^\n]*HTTP server listening/);
      const body = JSON.stringify({ hello: 'world' });
      const { socket, response } = await startSlowRequest(Number(port), body);

      server.child.kill('SIGTERM');
      await server.waitForOutput(/stopped accepting connections/);
      const refused = await new Promise<boolean>((resolve) => {
        const probe = net.connect(Number(port), '127.0.0.1');
        probe.on('connect', () => resolve(false));
        probe.on('error', () => resolve(true));
      });
      expect(refused).toBe(true);

      socket.write(body.slice(5));
      const text = await response;
      expect(text).toMatch(/^HTTP\/1\.1 404/);
      expect(text).toMatch(/"error":"route_not_found"/);
      expect(await server.exited).toBe(0);
      expect(server.output()).toMatch(/shutdown complete/);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});
