import { httpAnswer, request } from './mocks/taro';
import { healthBody } from './healthFixtures';

/** One programmed answer: a body (status 200), a status with its body, or a function giving either per call. */
export type RouteAnswer = unknown | { status: number; body: unknown } | (() => unknown);

/** The key of a route: `METHOD /path` (query strings are not part of it). */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} ${string}`;

function isStatusAnswer(answer: unknown): answer is { status: number; body: unknown } {
  return typeof answer === 'object' && answer !== null && 'status' in answer && 'body' in answer;
}

/**
 * Answers `Taro.request` by method and path, `/healthz` as healthy, and anything else 404,
 * so a page test states just the routes it expects.
 */
export function serveRoutes(routes: Partial<Record<RouteKey, RouteAnswer>>): void {
  request.mockImplementation((options) => {
    const path = String(options.url).replace(/^https?:\/\/[^/]+/, '');
    const key = `${options.method ?? 'GET'} ${path}` as RouteKey;
    let answer: ReturnType<typeof httpAnswer>;
    if (key in routes) {
      const route = routes[key];
      const programmed: unknown = typeof route === 'function' ? (route as () => unknown)() : route;
      answer = isStatusAnswer(programmed) ? httpAnswer(programmed.status, programmed.body) : httpAnswer(200, programmed);
    } else if (path === '/healthz') answer = httpAnswer(200, healthBody());
    else answer = httpAnswer(404, { error: 'not_found', message: '找不到' });
    return Promise.resolve(answer) as ReturnType<typeof request>;
  });
}

/** The requests sent to `METHOD /path`, as `Taro.request` options. */
export function callsTo(key: RouteKey) {
  return request.mock.calls.map(([options]) => options).filter((options) => `${options.method ?? 'GET'} ${String(options.url)}` === key);
}
