import { apiBaseUrl, apiRequest, ApiError, INVALID_RESPONSE_MESSAGE, NETWORK_ERROR_MESSAGE, parseApiError } from '../client';
import { fetchHealth } from '../health';
import { httpAnswer, networkFailure, request } from '../../../test/mocks/taro';
import { degradedHealthBody, healthBody } from '../../../test/healthFixtures';

const ORIGINAL_ENV = { ...process.env };

afterEach(() => {
  process.env = { ...ORIGINAL_ENV };
});

async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiBaseUrl', () => {
  it('uses TARO_APP_API_BASE on mini-programs, without a trailing slash', () => {
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000/';
    expect(apiBaseUrl()).toBe('http://127.0.0.1:3000');
  });

  it('is the page’s own origin on H5, whatever TARO_APP_API_BASE says', () => {
    process.env.TARO_ENV = 'h5';
    process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000';
    expect(apiBaseUrl()).toBe('');
  });
});

describe('apiRequest', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_APP_API_BASE = 'http://api.test';
  });

  it('sends JSON to the base URL and resolves with the parsed body', async () => {
    request.mockResolvedValue(httpAnswer(200, { ok: true }));
    await expect(apiRequest('/things', { method: 'POST', data: { name: '积木' } })).resolves.toEqual({ ok: true });
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'http://api.test/things',
        method: 'POST',
        data: { name: '积木' },
        dataType: 'json',
        header: expect.objectContaining({ Accept: 'application/json', 'Content-Type': 'application/json' }),
      }),
    );
  });

  it('parses a weapp answer that arrived as a JSON string', async () => {
    request.mockResolvedValue(httpAnswer(200, '{"ok":true}'));
    await expect(apiRequest('/things')).resolves.toEqual({ ok: true });
  });

  it('turns the server’s { error, message } into an ApiError carrying its Chinese message', async () => {
    request.mockResolvedValue(
      httpAnswer(422, { error: 'validation_failed', message: '手机号格式不正确', details: { phone: '请输入 11 位手机号' } }),
    );
    const error = await rejectionOf(apiRequest('/members', { method: 'POST', data: {} }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('手机号格式不正确');
    expect(error.details).toEqual({ phone: '请输入 11 位手机号' });
    expect(error.isNetworkError).toBe(false);
  });

  it('reads an error body that weapp left as a string', async () => {
    request.mockResolvedValue(httpAnswer(404, '{"error":"route_not_found","message":"找不到这个地址"}'));
    const error = await rejectionOf(apiRequest('/nowhere'));
    expect(error.code).toBe('route_not_found');
    expect(error.message).toBe('找不到这个地址');
  });

  it('gives a generic Chinese message when a 5xx answer is not the API’s JSON', async () => {
    request.mockResolvedValue(httpAnswer(502, '<html>Bad Gateway</html>'));
    const error = await rejectionOf(apiRequest('/things'));
    expect(error.status).toBe(502);
    expect(error.code).toBe('invalid_response');
    expect(error.message).toBe(INVALID_RESPONSE_MESSAGE);
  });

  it('names the status when a 4xx answer is not the API’s JSON', async () => {
    request.mockResolvedValue(httpAnswer(404, null));
    const error = await rejectionOf(apiRequest('/things'));
    expect(error.message).toBe('请求失败（404），请稍后再试');
  });

  it('reports a request that got no answer as a network error in Chinese', async () => {
    request.mockRejectedValue(networkFailure());
    const error = await rejectionOf(apiRequest('/things'));
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.isNetworkError).toBe(true);
    expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
  });

  it('rejects a 200 whose body is not JSON (H5 gives null, weapp the raw text)', async () => {
    request.mockResolvedValueOnce(httpAnswer(200, null));
    expect((await rejectionOf(apiRequest('/things'))).code).toBe('invalid_response');
    request.mockResolvedValueOnce(httpAnswer(200, '<html>captive portal</html>'));
    expect((await rejectionOf(apiRequest('/things'))).code).toBe('invalid_response');
  });

  it('resolves with the body of a status the caller accepts', async () => {
    request.mockResolvedValue(httpAnswer(503, { status: 'degraded' }));
    await expect(apiRequest('/healthz', { acceptStatuses: [503] })).resolves.toEqual({ status: 'degraded' });
  });

  it('resolves 204 with nothing', async () => {
    request.mockResolvedValue(httpAnswer(204, null));
    await expect(apiRequest('/things/1', { method: 'DELETE' })).resolves.toBeUndefined();
  });
});

describe('parseApiError', () => {
  it('keeps the server’s id and message', () => {
    const error = parseApiError(429, { error: 'rate_limited', message: '操作太频繁，请稍后再试' });
    expect([error.status, error.code, error.message]).toEqual([429, 'rate_limited', '操作太频繁，请稍后再试']);
  });
});

describe('fetchHealth', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('calls GET /healthz on the same origin and resolves with the report', async () => {
    request.mockResolvedValue(httpAnswer(200, healthBody()));
    await expect(fetchHealth()).resolves.toEqual(healthBody());
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: '/healthz', method: 'GET' }));
    expect(request.mock.calls[0][0].header).toEqual({ Accept: 'application/json' });
  });

  it('resolves a 503 with the degraded report rather than rejecting', async () => {
    request.mockResolvedValue(httpAnswer(503, degradedHealthBody()));
    await expect(fetchHealth()).resolves.toMatchObject({ status: 'degraded', down: ['redis'] });
  });

  it('rejects an answer that is not a health report', async () => {
    request.mockResolvedValue(httpAnswer(200, { hello: 'world' }));
    expect((await rejectionOf(fetchHealth())).code).toBe('invalid_response');
  });
});
