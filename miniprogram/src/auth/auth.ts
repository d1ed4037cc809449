import Taro from '@tarojs/taro';
import type { MemberMeDto, MemberSessionDto } from '@toyclub/shared';
import { ApiError, apiRequest } from '../api/client';
import type { ApiRequestOptions } from '../api/client';
import { clearToken, readToken, saveToken } from './tokenStore';

/** Storage key of the H5 build's simulated WeChat user (one per browser). */
export const H5_OPENID_STORAGE_KEY = 'toyclub.h5.openid';

/** What the member reads when WeChat gave no login code. */
export const LOGIN_FAILED_MESSAGE = '微信登录失败，请稍后重试';

/**
 * The H5 build's stand-in for a WeChat user: a random openid kept in this browser, so the
 * same browser signs in as the same member. Only the WeChat simulator accepts it.
 */
export function h5OpenId(): string {
  const stored: unknown = Taro.getStorageSync(H5_OPENID_STORAGE_KEY);
  if (typeof stored === 'string' && stored !== '') return stored;
  const random = Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
  const openid = `h5-${random}`;
  Taro.setStorageSync(H5_OPENID_STORAGE_KEY, openid);
  return openid;
}

/**
 * A one-time login code. weapp: `Taro.login` (wx.login). H5: the WeChat simulator's
 * `POST /__sim/mp/login-code {openid}`, asked at the page's own origin (the H5 build's CSP
 * allows only 'self'), so the server must pass `/__sim/` through to the simulator.
 */
export async function getLoginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const answer = await apiRequest<{ code?: unknown }>('/__sim/mp/login-code', { method: 'POST', data: { openid: h5OpenId() }, auth: false });
    if (typeof answer.code !== 'string' || answer.code === '') throw loginFailed();
    return answer.code;
  }
  let code: string | undefined;
  try {
    code = (await Taro.login()).code;
  } catch {
    throw loginFailed();
  }
  if (!code) throw loginFailed();
  return code;
}

function loginFailed(): ApiError {
  return new ApiError(0, { error: 'login_failed', message: LOGIN_FAILED_MESSAGE });
}

/** Signs in afresh: login code → `POST /api/mp/session` → stored bearer token. */
export async function signIn(): Promise<MemberMeDto> {
  const code = await getLoginCode();
  const session = await apiRequest<MemberSessionDto>('/api/mp/session', { method: 'POST', data: { code }, auth: false });
  saveToken({ token: session.token, expiresAt: session.expiresAt });
  return session.member;
}

/** True when a token that has not expired is stored. */
export function isSignedIn(): boolean {
  return readToken() !== null;
}

/** Signs in unless a valid token is already stored. */
export async function ensureSignedIn(): Promise<void> {
  if (readToken() === null) await signIn();
}

/** Forgets the token locally and tells the server (best effort). */
export async function signOut(): Promise<void> {
  if (readToken() !== null) {
    try {
      await apiRequest<void>('/api/mp/session', { method: 'DELETE' });
    } catch {
      // The token is dropped locally either way.
    }
  }
  clearToken();
}

/**
 * A member API call: signs in first when needed, sends `Authorization: Bearer`, and when the
 * server answers 401 (token expired or revoked) signs in again once and retries.
 */
export async function memberRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  await ensureSignedIn();
  try {
    return await apiRequest<T>(path, options);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    clearToken();
    await signIn();
    return apiRequest<T>(path, options);
  }
}

/** `GET /api/mp/me`. */
export function fetchMe(): Promise<MemberMeDto> {
  return memberRequest<MemberMeDto>('/api/mp/me');
}
