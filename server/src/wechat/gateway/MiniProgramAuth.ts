import type { GatewayContext } from './GatewayContext';
import { callJson } from './GatewayContext';
import type { AppCredentials } from './stableTokenFetcher';
import { objectField, optionalString, requireString } from './wechatFields';

/** The outcome of `wx.login` on our side. Never send `sessionKey` to the client. */
export interface MiniProgramSession {
  openid: string;
  sessionKey: string;
  /** Present when the mini-program is bound to an Open Platform account. */
  unionid: string | null;
}

/** A member's phone number as WeChat verified it. */
export interface VerifiedPhoneNumber {
  /** With the country code for numbers outside mainland China. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

/** Mini-program login and phone number. */
export interface MiniProgramAuth {
  /**
   * `sns/jscode2session`. Codes are single-use: 40029/40163 come back with action
   * `rejectInput` (ask the client to `wx.login` again), 40226 for blocked high-risk users.
   */
  code2Session(code: string): Promise<MiniProgramSession>;
  /** `wxa/business/getuserphonenumber` with the code from `getPhoneNumber` (single-use, 5 min). */
  getPhoneNumber(code: string, openid?: string): Promise<VerifiedPhoneNumber>;
}

/** Mini-program login calls. */
export function createMiniProgramAuth(context: GatewayContext, credentials: AppCredentials): MiniProgramAuth {
  return {
    async code2Session(code) {
      const json = await callJson(context, {
        method: 'GET',
        path: '/sns/jscode2session',
        authenticated: false,
        idempotent: false,
        query: { appid: credentials.appId, secret: credentials.appSecret, js_code: code, grant_type: 'authorization_code' },
      });
      return {
        openid: requireString(json, 'openid'),
        sessionKey: requireString(json, 'session_key'),
        unionid: optionalString(json, 'unionid'),
      };
    },

    async getPhoneNumber(code, openid) {
      const json = await callJson(context, {
        method: 'POST',
        path: '/wxa/business/getuserphonenumber',
        idempotent: false,
        body: openid === undefined ? { code } : { code, openid },
      });
      const info = objectField(json, 'phone_info');
      return {
        phoneNumber: requireString(info, 'phoneNumber'),
        purePhoneNumber: requireString(info, 'purePhoneNumber'),
        countryCode: String(info.countryCode ?? ''),
      };
    },
  };
}
