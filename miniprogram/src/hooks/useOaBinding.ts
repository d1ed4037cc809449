import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { ApiError } from '../api/client';
import { bindOfficialAccount } from '../api/officialAccount';

/** The page query parameter the official account's one-time link carries. */
export const OA_BIND_PARAMETER = 'oaBind';

/** Shown when the link worked. */
export const OA_BOUND_MESSAGE = '已绑定公众号';

/**
 * Tokens already sent in this app session: the card page remounts (tab switches, relaunch
 * with the same query) and a second call would only earn a "link already used" error.
 */
const handledTokens = new Set<string>();

/** Forgets the handled tokens (tests start from a fresh app). */
export function resetOaBindingForTests(): void {
  handledTokens.clear();
}

/**
 * Opened from the official account's link (`?oaBind=<token>`), the card page binds that
 * follower to the member once the member is signed in, and says how it went in a toast.
 */
export function useOaBinding(signedIn: boolean): void {
  const token = useRouter().params[OA_BIND_PARAMETER];
  useEffect(() => {
    if (!signedIn || !token || handledTokens.has(token)) return;
    handledTokens.add(token);
    bindOfficialAccount(token).then(
      () => void Taro.showToast({ title: OA_BOUND_MESSAGE, icon: 'success' }),
      (error: unknown) => {
        // No answer at all: the token may still be good, so the next visit tries again.
        if (error instanceof ApiError && error.isNetworkError) handledTokens.delete(token);
        const message = error instanceof ApiError ? error.message : '绑定公众号失败，请稍后重试';
        void Taro.showToast({ title: message, icon: 'none', duration: 3000 });
      },
    );
  }, [signedIn, token]);
}
