import { act, fireEvent } from '@testing-library/react';
import { SESSION_STORAGE_KEY } from '../src/auth/tokenStore';
import { resetStorage, storage } from './mocks/taro';
import { VALID_SESSION } from './memberFixtures';

/** Fresh storage with a valid member session, on the given platform (call in beforeEach). */
export function startSignedIn(platform: 'h5' | 'weapp' = 'h5'): void {
  resetStorage();
  storage.set(SESSION_STORAGE_KEY, VALID_SESSION);
  process.env.TARO_ENV = platform;
}

/** Taps the element with `id` and lets the requests it starts answer. */
export async function tap(id: string): Promise<void> {
  await act(async () => {
    fireEvent.click(document.getElementById(id) as HTMLElement);
  });
}

/** Types `value` into the input with `id` (the Input mock hands it on as Taro's onInput). */
export function typeInto(id: string, value: string): void {
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } });
}
