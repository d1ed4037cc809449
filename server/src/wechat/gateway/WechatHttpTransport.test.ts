import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WechatHttpTransport, WechatTransportError } from './WechatHttpTransport';

describe('WechatHttpTransport', () => {
  let server: http.Server;
  let base: string;
  const transport = new WechatHttpTransport();
  const hanging: http.ServerResponse[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/hang') {
        hanging.push(res); // never answers
        return;
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json; encoding=utf-8');
        res.end(JSON.stringify({ method: req.method, body, keepAlive: req.headers.connection }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    transport.close();
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts JSON over a keep-alive connection and returns the raw answer', async () => {
    const response = await transport.send({ method: 'POST', url: new URL(`${base}/echo`), body: '{"a":1}', timeoutMs: 2000 });
    expect(response.status).toBe(200);
    expect(response.contentType).toContain('application/json');
    expect(JSON.parse(response.body.toString())).toEqual({ method: 'POST', body: '{"a":1}', keepAlive: 'keep-alive' });
  });

  it('reports a timeout after sending as sent (unknown outcome)', async () => {
    const failure = await transport.send({ method: 'POST', url: new URL(`${base}/hang`), body: '{}', timeoutMs: 100 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WechatTransportError);
    expect(failure).toMatchObject({ sent: true, timedOut: true });
  });

  it('reports a refused connection as not sent (safe to retry)', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await transport.send({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/`), timeoutMs: 2000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WechatTransportError);
    expect(failure).toMatchObject({ sent: false, timedOut: false });
  });
});
