// A hand-written stand-in for @tarojs/taro: only what the app calls, as jest mocks that
// each test programs (Taro's real H5 runtime is heavy and needs a full browser setup).
import type TaroType from '@tarojs/taro';

/** `Taro.request`: tests decide the answer with mockResolvedValue / mockRejectedValue. */
export const request = jest.fn<ReturnType<typeof TaroType.request>, Parameters<typeof TaroType.request>>();

/** `Taro.switchTab`: resolves like the real one. */
export const switchTab = jest.fn((options: TaroType.switchTab.Option) =>
  Promise.resolve({ errMsg: `switchTab:ok ${options.url}` }),
);

const Taro = { request, switchTab };

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
