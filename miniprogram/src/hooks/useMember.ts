import { useCallback, useEffect, useState } from 'react';
import type { MemberMeDto } from '@toyclub/shared';
import { ApiError } from '../api/client';
import { fetchMe, isSignedIn, signIn } from '../auth/auth';

/** Where the member's own data stands on a page. */
export type MemberState =
  | { kind: 'signed-out' }
  | { kind: 'loading' }
  | { kind: 'ready'; member: MemberMeDto }
  | { kind: 'error'; message: string };

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '加载失败，请稍后重试';
}

/**
 * The signed-in member (`GET /api/mp/me`). Loads at once when a token is stored; otherwise
 * waits for `signIn()` (the 登录 button), so nothing is sent to WeChat unasked.
 */
export function useMember() {
  const [state, setState] = useState<MemberState>(() => (isSignedIn() ? { kind: 'loading' } : { kind: 'signed-out' }));

  const reload = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ready', member: await fetchMe() });
    } catch (error) {
      setState({ kind: 'error', message: messageOf(error) });
    }
  }, []);

  const startSignIn = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ready', member: await signIn() });
    } catch (error) {
      setState({ kind: 'error', message: messageOf(error) });
    }
  }, []);

  const update = useCallback((member: MemberMeDto) => setState({ kind: 'ready', member }), []);

  useEffect(() => {
    // The initial state is already 'loading' when a token is stored: only the answer sets state.
    if (!isSignedIn()) return undefined;
    let live = true;
    fetchMe().then(
      (member) => live && setState({ kind: 'ready', member }),
      (error: unknown) => live && setState({ kind: 'error', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, []);

  return { state, reload, signIn: startSignIn, update };
}
