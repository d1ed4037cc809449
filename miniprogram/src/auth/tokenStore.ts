import Taro from '@tarojs/taro';

/** Storage key of the member's bearer token (Taro.setStorageSync: wx storage on weapp, localStorage on H5). */
export const SESSION_STORAGE_KEY = 'toyclub.session';

/** The stored sign-in: the opaque bearer token and when the server lets it expire. */
export interface StoredSession {
  token: string;
  expiresAt: string;
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.token === 'string' && record.token !== '' && typeof record.expiresAt === 'string';
}

/** The stored token while it is still valid, otherwise null (an expired one is dropped). */
export function readToken(now: number = Date.now()): string | null {
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
  if (!isStoredSession(stored)) return null;
  const expiresAt = Date.parse(stored.expiresAt);
  if (Number.isNaN(expiresAt) || expiresAt <= now) {
    clearToken();
    return null;
  }
  return stored.token;
}

/** Keeps the token the server handed out at `POST /api/mp/session`. */
export function saveToken(session: StoredSession): void {
  Taro.setStorageSync(SESSION_STORAGE_KEY, { token: session.token, expiresAt: session.expiresAt });
}

/** Forgets the token (sign-out, or the server said 401). */
export function clearToken(): void {
  try {
    Taro.removeStorageSync(SESSION_STORAGE_KEY);
  } catch {
    // Nothing stored, or storage unavailable: either way there is no token any more.
  }
}
