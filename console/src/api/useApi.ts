import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './ApiError';
import { api } from './apiClient';

/** What {@link useApi} gives a page: the data once loaded, the error message, and a reload. */
export interface ApiState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string;
  data: T | null;
  error: string | null;
}

/**
 * Loads `path` (GET) when it changes; `null` skips loading. The last answer stays shown
 * while the next one loads, so that paging does not flash an empty table.
 */
export function useApi<T>(path: string | null): ApiState<T> {
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const key = `${generation}:${path ?? ''}`;

  useEffect(() => {
    if (path === null) return undefined;
    // A late answer for a path the page has left must not overwrite the current one.
    let current = true;
    api
      .get<T>(path)
      .then((body) => current && setLoaded({ key, data: body, error: null }))
      .catch((caught: unknown) => current && setLoaded((previous) => ({ key, data: previous?.data ?? null, error: errorMessage(caught) })));
    return () => {
      current = false;
    };
  }, [path, key]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data: loaded?.data ?? null, error: loaded?.key === key ? loaded.error : null, loading: path !== null && loaded?.key !== key, reload };
}
