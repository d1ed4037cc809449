import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { toSafeJson } from '../core/JsonInt64';
import { readBody } from '../api/readBody';
import type { ControlRoute } from './controlRoute';
import { ControlError } from './controlRoute';

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  // Control answers are ours, not WeChat's: 64-bit ids go out as strings, plain JSON type.
  const text = JSON.stringify(toSafeJson(body) ?? null);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function parseBody(raw: Buffer): unknown {
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ControlError(400, 'bad_json', 'body is not JSON');
  }
}

/** Serves one `/__sim/...` call: JSON in, JSON out, 400/404/405 for bad calls. */
export async function dispatchControl(
  routes: ControlRoute[],
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  logger: Logger,
): Promise<void> {
  try {
    const candidates = routes.filter((route) => route.path === url.pathname);
    if (candidates.length === 0) throw new ControlError(404, 'not_found', `no control route ${url.pathname}`);
    const route = candidates.find((candidate) => candidate.method === req.method);
    if (!route) throw new ControlError(405, 'method_not_allowed', `${req.method ?? ''} not allowed on ${url.pathname}`);
    const answer = await route.handle(parseBody(await readBody(req)), url.searchParams);
    writeJson(res, answer.status ?? 200, answer.body);
  } catch (error) {
    if (error instanceof ControlError) {
      writeJson(res, error.status, { error: error.code, message: error.message, details: error.details });
      return;
    }
    logger.error({ err: error, path: url.pathname }, 'simulator control route failed');
    writeJson(res, 500, { error: 'internal', message: error instanceof Error ? error.message : String(error) });
  }
}
