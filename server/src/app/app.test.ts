import Router from '@koa/router';
import { z } from 'zod';
import type { ApiErrorBody } from '@toyclub/shared';
import type { AppContextExtras, AppState } from './appTypes';
import { validate } from './validate';
import { useTestServer } from '../testing/useTestServer';

const EchoSchema = z.object({ body: z.object({ name: z.string().min(1).max(20), count: z.number().int() }) });

/** Probe routes that exercise the app's middleware the way feature routes will. */
function probeRouter(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>();
  router.post(
    '/__probe/echo',
    validate(EchoSchema, async (ctx) => {
      ctx.body = { name: ctx.input.body.name, count: ctx.input.body.count };
    }),
  );
  router.get('/__probe/crash', async () => {
    throw new Error('secret connection string mysql://root:hunter2@db');
  });
  return router;
}

describe('the app middleware', () => {
  const harness = useTestServer({ config: { http: { bodyLimit: '2kb' } }, extraRouters: [probeRouter()] });

  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(`${harness.server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('passes valid input to the handler', async () => {
    const response = await post('/__probe/echo', JSON.stringify({ name: '积木', count: 2 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: '积木', count: 2 });
  });

  it('refuses invalid input with validation_failed and Chinese field messages', async () => {
    const response = await post('/__probe/echo', JSON.stringify({ name: '', count: 1.5 }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ApiErrorBody;
    expect(body.error).toBe('validation_failed');
    expect(body.message).toBe('请求参数不正确');
    expect(Object.keys(body.details ?? {}).sort()).toEqual(['body.count', 'body.name']);
    expect(body.details?.['body.name']).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses malformed JSON with invalid_body', async () => {
    const response = await post('/__probe/echo', '{"name": "x",');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_body', message: '请求内容格式不正确' });
  });

  it('refuses a body over the size limit with payload_too_large', async () => {
    const response = await post('/__probe/echo', JSON.stringify({ name: 'x'.repeat(4096), count: 1 }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as ApiErrorBody).error).toBe('payload_too_large');
  });

  it('turns unknown errors into internal_error without leaking anything', async () => {
    const response = await fetch(`${harness.server.baseUrl}/__probe/crash`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal_error', message: '服务器开小差了，请稍后再试' });
    expect(text).not.toMatch(/hunter2|mysql|Error/);
  });

  it('answers unknown routes with route_not_found', async () => {
    const response = await fetch(`${harness.server.baseUrl}/no/such/route`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ApiErrorBody).error).toBe('route_not_found');
  });

  it('sets security headers and echoes a safe request id', async () => {
    const response = await fetch(`${harness.server.baseUrl}/healthz`, { headers: { 'x-request-id': 'client-req-12345' } });
    expect(response.headers.get('x-request-id')).toBe('client-req-12345');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-powered-by')).toBeNull();
    const unsafe = await fetch(`${harness.server.baseUrl}/healthz`, { headers: { 'x-request-id': 'bad id; drop table' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
