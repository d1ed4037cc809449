import { ensureSignedIn, fetchMe, H5_OPENID_STORAGE_KEY, signIn } from '../auth';
import { readToken, SESSION_STORAGE_KEY } from '../tokenStore';
import { apiRequest } from '../../api/client';
import { httpAnswer, login, request, resetStorage, storage } from '../../../test/mocks/taro';

const FUTURE = new Date(Date.now() + 3600_000).toISOString();

function session(token: string) {
  return { token, expiresAt: FUTURE, member: { id: 'm1' } };
}

function headersOf(call: number): Record<string, string> {
  return (request.mock.calls[call][0].header ?? {}) as Record<string, string>;
}

beforeEach(() => {
  resetStorage();
  process.env.TARO_ENV = 'weapp';
});

describe('auth', () => {
  it('weapp: exchanges the Taro.login code and stores the bearer token', async () => {
    request.mockResolvedValueOnce(httpAnswer(200, session('tok-1')));
    await signIn();
    expect(login).toHaveBeenCalled();
    expect(request.mock.calls[0][0]).toEqual(expect.objectContaining({ url: expect.stringContaining('/api/mp/session'), method: 'POST', data: { code: 'wx-login-code' } }));
    expect(headersOf(0).Authorization).toBeUndefined();
    expect(readToken()).toBe('tok-1');
  });

  it('h5: asks the simulator for a code with a stable per-browser openid', async () => {
    process.env.TARO_ENV = 'h5';
    request.mockResolvedValueOnce(httpAnswer(201, { code: 'sim-code' })).mockResolvedValueOnce(httpAnswer(200, session('tok-h5')));
    await signIn();
    const openid = storage.get(H5_OPENID_STORAGE_KEY);
    expect(openid).toEqual(expect.stringMatching(/^h5-/));
    expect(request.mock.calls[0][0]).toEqual(expect.objectContaining({ url: '/__sim/mp/login-code', data: { openid } }));
    expect(request.mock.calls[1][0]).toEqual(expect.objectContaining({ url: '/api/mp/session', data: { code: 'sim-code' } }));
    expect(login).not.toHaveBeenCalled();
  });

  it('sends Authorization: Bearer on later requests', async () => {
    storage.set(SESSION_STORAGE_KEY, { token: 'tok-2', expiresAt: FUTURE });
    request.mockResolvedValueOnce(httpAnswer(200, { ok: true }));
    await apiRequest('/api/mp/me');
    expect(headersOf(0).Authorization).toBe('Bearer tok-2');
  });

  it('drops an expired token and signs in again', async () => {
    storage.set(SESSION_STORAGE_KEY, { token: 'old', expiresAt: new Date(Date.now() - 1000).toISOString() });
    request.mockResolvedValueOnce(httpAnswer(200, session('fresh')));
    await ensureSignedIn();
    expect(readToken()).toBe('fresh');
  });

  it('signs in again once when the server answers 401', async () => {
    storage.set(SESSION_STORAGE_KEY, { token: 'revoked', expiresAt: FUTURE });
    request
      .mockResolvedValueOnce(httpAnswer(401, { error: 'unauthorized', message: '请先登录' }))
      .mockResolvedValueOnce(httpAnswer(200, session('new')))
      .mockResolvedValueOnce(httpAnswer(200, { id: 'm1' }));
    await expect(fetchMe()).resolves.toEqual({ id: 'm1' });
    expect(headersOf(2).Authorization).toBe('Bearer new');
  });
});
