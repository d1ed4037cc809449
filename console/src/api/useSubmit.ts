import { useCallback, useState } from 'react';
import { errorMessage } from './ApiError';

/** What {@link useSubmit} gives a form. */
export interface SubmitState {
  /** Runs `action`; a failure becomes `error` instead of escaping. */
  run: (action: () => Promise<void>) => Promise<void>;
  busy: boolean;
  /** The server's Chinese reason for the last failure, cleared when the next run starts. */
  error: string | null;
}

/**
 * A form's save or submit: `busy` while it runs (the button's spinner), and its failure
 * kept for the form's inline alert. Page actions that toast instead use {@link useAction}.
 */
export function useSubmit(): SubmitState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, error };
}
