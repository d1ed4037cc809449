import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface ReceivedRequest {
  method: string;
  query: Record<string, string>;
  body: string;
  /** 1-based order of arrival. */
  index: number;
}

/** How the receiver answers: a body (default "success"), a status, a delay, or never. */
export interface ReceiverAnswer {
  status?: number;
  body?: string;
  delayMs?: number;
  /** Never answer (WeChat times out and re-sends). */
  hang?: boolean;
}

/** A tiny stand-in for our server's /wechat endpoint. */
export interface CallbackReceiver {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a node:http server that records every request and answers per `answer` (default:
 * "success" at once). Used to test what the simulator pushes without the whole app.
 */
export async function startCallbackReceiver(
  answer: (request: ReceivedRequest) => ReceiverAnswer | Promise<ReceiverAnswer> = () => ({}),
): Promise<CallbackReceiver> {
  const received: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      const request = { method: req.method ?? 'GET', query: Object.fromEntries(url.searchParams), body: Buffer.concat(chunks).toString('utf8'), index: received.length + 1 };
      received.push(request);
      void Promise.resolve(answer(request)).then((reply) => {
        if (reply.hang) return;
        const send = (): void => {
          res.writeHead(reply.status ?? 200, { 'Content-Type': 'text/plain' });
          res.end(reply.body ?? 'success');
        };
        if (!reply.delayMs) return send();
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, reply.delayMs);
        timers.add(timer);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/wechat`,
    received,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
