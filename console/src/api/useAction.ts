import { useCallback, useState } from 'react';
import { App } from 'antd';
import { errorMessage } from './ApiError';

/**
 * Runs a page's button actions: a toast with `done` on success (then `after`, e.g. a
 * reload), the server's Chinese reason on failure, and `busy` while one is in flight.
 */
export function useAction(after: () => void): { run: (action: () => Promise<unknown>, done: string) => Promise<void>; busy: boolean } {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>, done: string): Promise<void> => {
      setBusy(true);
      try {
        await action();
        message.success(done);
        after();
      } catch (caught) {
        message.error(errorMessage(caught));
      } finally {
        setBusy(false);
      }
    },
    [message, after],
  );
  return { run, busy };
}
