import { PassThrough } from 'node:stream';
import type { AppContext } from '../app/appTypes';

/** One open server-sent-events response: send events, and learn when it is over. */
export interface EventStream {
  send(event: string, data: unknown): void;
  comment(text: string): void;
  /** Ends the response from our side (the client's `EventSource` reconnects unless told not to). */
  close(): void;
  /** Runs `cleanup` once, when we close or the client goes away, whichever comes first. */
  onClose(cleanup: () => void): void;
}

/**
 * Turns the response into a `text/event-stream`: no caching, no proxy buffering, no
 * socket timeout, and a clean-up hook that fires on client disconnect as well as on
 * our own close, so that no timer or poll outlives its viewer.
 */
export function openEventStream(ctx: AppContext, retryMs = 3000): EventStream {
  const body = new PassThrough();
  const cleanups: Array<() => void> = [];
  let closed = false;
  let sequence = 0;
  const finish = (): void => {
    if (closed) return;
    closed = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
    body.end();
  };
  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  ctx.set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' });
  ctx.status = 200;
  ctx.body = body;
  // The response's `close` fires when the connection goes away, before or after the end.
  ctx.res.once('close', finish);
  body.write(`retry: ${retryMs}\n\n`);
  return {
    send(event, data) {
      if (closed) return;
      sequence += 1;
      body.write(`id: ${sequence}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment(text) {
      if (!closed) body.write(`: ${text}\n\n`);
    },
    close: finish,
    onClose(cleanup) {
      if (closed) cleanup();
      else cleanups.push(cleanup);
    },
  };
}
