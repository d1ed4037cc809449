import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';

/** A page's data: loading, loaded, or failed with a message for the member. */
export type LoadState<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error'; message: string };

/** Loads `load()` on mount; `reload()` tries again (the 重试 button). */
export function useLoad<T>(load: () => Promise<T>) {
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ kind: 'ready', data }),
      (error: unknown) => live && setState({ kind: 'error', message: error instanceof ApiError ? error.message : '加载失败，请稍后重试' }),
    );
    return () => {
      live = false;
    };
    // `load` is a module-level function on every page; a retry bumps `attempt`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((value) => value + 1);
  }, []);
  return { state, reload, setState };
}
