import { ApiError, apiRequest, invalidResponseError } from '../api/client';
import { h5OpenId } from './auth';

/** A phone code for the H5 build, or none because no simulator stands in for WeChat. */
export type H5PhoneCode = { kind: 'code'; code: string } | { kind: 'unavailable' };

/**
 * The H5 build's stand-in for WeChat's getPhoneNumber button: the simulator's phone code
 * for `phoneNumber`, asked at our own origin (`POST /__sim/mp/phone-code`) for this
 * browser's simulated WeChat user. The server answers 404 when real WeChat is configured:
 * an H5 page then has no way to a verified number, and the button goes away.
 */
export async function h5PhoneCode(phoneNumber: string): Promise<H5PhoneCode> {
  let answer: { code?: unknown };
  try {
    answer = await apiRequest<{ code?: unknown }>('/__sim/mp/phone-code', { method: 'POST', data: { openid: h5OpenId(), phoneNumber }, auth: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { kind: 'unavailable' };
    throw error;
  }
  if (typeof answer.code !== 'string' || answer.code === '') throw invalidResponseError(200);
  return { kind: 'code', code: answer.code };
}
