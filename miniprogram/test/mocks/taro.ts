// A hand-written stand-in for @tarojs/taro: only what the app calls, as jest mocks that
// each test programs (Taro's real H5 runtime is heavy and needs a full browser setup).
import type TaroType from '@tarojs/taro';

/** `Taro.request`: tests decide the answer with mockResolvedValue / mockRejectedValue. */
export const request = jest.fn<ReturnType<typeof TaroType.request>, Parameters<typeof TaroType.request>>();

/** `Taro.switchTab`: resolves like the real one. */
export const switchTab = jest.fn((options: TaroType.switchTab.Option) =>
  Promise.resolve({ errMsg: `switchTab:ok ${options.url}` }),
);

/** In-memory storage behind the *StorageSync mocks; cleared with {@link resetStorage}. */
export const storage = new Map<string, unknown>();

export const getStorageSync = jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown): void => {
  storage.set(key, value);
});
export const removeStorageSync = jest.fn((key: string): void => {
  storage.delete(key);
});

/** Empties the mocked storage (call in beforeEach). */
export function resetStorage(): void {
  storage.clear();
}

/** `Taro.login`: resolves with a fixed code unless a test programs it. */
export const login = jest.fn(() => Promise.resolve({ code: 'wx-login-code', errMsg: 'login:ok' }));

/** `Taro.navigateTo`: resolves like the real one. */
export const navigateTo = jest.fn((options: { url: string }) => Promise.resolve({ errMsg: `navigateTo:ok ${options.url}` }));

/** `Taro.redirectTo`: resolves like the real one. */
export const redirectTo = jest.fn((options: { url: string }) => Promise.resolve({ errMsg: `redirectTo:ok ${options.url}` }));

/** `Taro.scanCode`: tests program what the camera read (or a rejection for cancel). */
export const scanCode = jest.fn((_options?: unknown) =>
  Promise.resolve({ result: '', scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: '', errMsg: 'scanCode:ok' }),
);

/** `Taro.showModal`: confirms unless a test programs it. */
export const showModal = jest.fn((_options?: unknown) => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }));

/** `Taro.showToast`. */
export const showToast = jest.fn((_options?: unknown) => Promise.resolve({ errMsg: 'showToast:ok' }));

/** `useRouter`: the current page's query; tests set `params` with mockReturnValue. */
export const useRouter = jest.fn((): { params: Record<string, string | undefined>; path: string } => ({ params: {}, path: '' }));

/** `useDidShow`: pages in tests are never shown again, so the callback is not called. */
export const useDidShow = jest.fn((_callback: () => void): void => undefined);

const Taro = { useRouter, useDidShow, redirectTo, scanCode, request, switchTab, getStorageSync, setStorageSync, removeStorageSync, login, navigateTo, showModal, showToast };

export default Taro;

/** What `Taro.request` resolves with when the server answered with `statusCode` and `data`. */
export function httpAnswer(statusCode: number, data: unknown): TaroType.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject> {
  // Bodies are unchecked input to the client, so tests may hand it anything, null included.
  return { statusCode, data: data as string, header: {}, cookies: [], errMsg: 'request:ok' };
}

/** What `Taro.request` rejects with when no answer arrived (wx.request's fail shape). */
export function networkFailure(): TaroGeneral.CallbackResult {
  return { errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' };
}
