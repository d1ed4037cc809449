import http from 'node:http';
import https from 'node:https';

/** One HTTP exchange with WeChat. */
export interface WechatHttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  /** A JSON body, already serialised. */
  body?: string;
  timeoutMs: number;
}

/** WeChat's raw answer: the body is left for the caller, who branches on the content type. */
export interface WechatHttpResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/**
 * A failed exchange. `sent` tells whether WeChat may have received the request: when it
 * is false (connection refused, DNS failure, idle keep-alive socket closed under us) the
 * request can be repeated safely; when true, the outcome is unknown.
 */
export class WechatTransportError extends Error {
  constructor(
    message: string,
    readonly sent: boolean,
    readonly timedOut: boolean,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'WechatTransportError';
  }
}

/** Largest answer we accept: a wxacode image is well under this. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Idle keep-alive sockets are closed after this long, before servers usually close them
 * (often 5 s or more), so that a request is rarely written into a socket being closed.
 */
const IDLE_SOCKET_MS = 4000;

/** Sends requests over keep-alive agents with a hard deadline per request. */
export class WechatHttpTransport {
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS });

  /** Performs one request; rejects with {@link WechatTransportError} on network failure or timeout. */
  send(request: WechatHttpRequest): Promise<WechatHttpResponse> {
    const isHttps = request.url.protocol === 'https:';
    const client = isHttps ? https : http;
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json, image/*' };
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      headers['content-length'] = Buffer.byteLength(request.body);
    }
    return new Promise<WechatHttpResponse>((resolve, reject) => {
      let sent = false;
      let settled = false;
      const fail = (error: WechatTransportError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        reject(error);
      };
      const req = client.request(request.url, {
        method: request.method,
        headers,
        agent: isHttps ? this.httpsAgent : this.httpAgent,
      });
      // A whole-exchange deadline: the socket `timeout` option only measures idleness.
      const deadline = setTimeout(() => {
        fail(new WechatTransportError(`no answer within ${request.timeoutMs} ms`, sent, true));
        req.destroy();
      }, request.timeoutMs);
      req.on('finish', () => {
        sent = true;
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A reset after sending stays an unknown outcome even on a reused keep-alive socket:
        // the server may have closed an idle socket (request unread) or failed mid-answer
        // (request carried out), and nothing tells the two apart. Idle sockets are retired
        // early (IDLE_SOCKET_MS) to make the first case rare.
        fail(new WechatTransportError(`${error.code ?? 'network error'}: ${error.message}`, sent, false, error));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            fail(new WechatTransportError(`answer larger than ${MAX_BODY_BYTES} bytes`, true, false));
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (error) => fail(new WechatTransportError(`answer cut off: ${error.message}`, true, false, error)));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
          });
        });
      });
      req.end(request.body);
    });
  }

  /** Closes the idle keep-alive sockets (at shutdown). */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
