import http from 'node:http';
import https from 'node:https';

/** What one delivery attempt got back. */
export type CallbackResponse =
  | { kind: 'answered'; status: number; body: string }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string };

/**
 * POSTs one push to our server and waits at most `timeoutMs` for the whole answer; past it
 * the connection is dropped, as WeChat does after 5 seconds. No connection reuse, so a
 * dropped attempt never poisons the next.
 */
export function postToCallback(
  url: string,
  query: Record<string, string>,
  body: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<CallbackResponse> {
  return new Promise((resolve) => {
    const target = new URL(url);
    for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value);
    const client = target.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (response: CallbackResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(response);
    };
    const request = client.request(target, {
      method: 'POST',
      agent: false,
      headers: { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'Mozilla/4.0', Connection: 'close' },
    });
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' });
      request.destroy();
    }, timeoutMs);
    const onAbort = (): void => {
      finish({ kind: 'network', message: 'simulator closing' });
      request.destroy();
    };
    signal.addEventListener('abort', onAbort);
    request.on('error', (error) => finish({ kind: 'network', message: error.message }));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => finish({ kind: 'network', message: error.message }));
      response.on('end', () =>
        finish({ kind: 'answered', status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.end(body);
  });
}
