import { useCallback, useEffect, useState } from 'react';
import { fetchHealth } from '../api/health';
import { ApiError, INVALID_RESPONSE_MESSAGE } from '../api/client';

/** What the service-status line shows. */
export type ServiceStatus =
  | { kind: 'loading' }
  | { kind: 'ok'; version: string }
  /** The server answered but a dependency is down (HTTP 503 from /healthz). */
  | { kind: 'degraded' }
  | { kind: 'error'; message: string };

/** The state of {@link useServiceStatus}, and a way to check again. */
export interface ServiceStatusState {
  status: ServiceStatus;
  retry: () => void;
}

/**
 * Asks `GET /healthz` once on mount (and again on `retry`), so the member can tell a
 * broken connection from an empty page. Answers arriving after unmount are dropped.
 */
export function useServiceStatus(): ServiceStatusState {
  const [status, setStatus] = useState<ServiceStatus>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    fetchHealth().then(
      (health) => {
        if (!active) return;
        setStatus(health.status === 'ok' ? { kind: 'ok', version: health.version } : { kind: 'degraded' });
      },
      (error: unknown) => {
        if (!active) return;
        setStatus({ kind: 'error', message: error instanceof ApiError ? error.message : INVALID_RESPONSE_MESSAGE });
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    // Set here, in the event, rather than in the effect: the effect only starts the request.
    setStatus({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { status, retry };
}
