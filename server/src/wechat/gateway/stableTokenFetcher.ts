import type { TokenFetcher } from './AccessTokenProvider';
import type { GatewayContext } from './GatewayContext';
import { callJson } from './GatewayContext';
import { requireNumber, requireString } from './wechatFields';

/** An app's credentials. */
export interface AppCredentials {
  appId: string;
  appSecret: string;
}

/**
 * Fetches tokens from `POST /cgi-bin/stable_token`. Normal mode returns the current token
 * while it is valid (and is idempotent); force mode invalidates it and is limited to 20 a
 * day, so only the token provider's "WeChat refused the token it just gave" path uses it.
 * /cgi-bin/token is never used: each fetch there invalidates the other processes' token.
 */
export function stableTokenFetcher(context: GatewayContext, credentials: AppCredentials): TokenFetcher {
  return async (forceRefresh) => {
    const json = await callJson(context, {
      method: 'POST',
      path: '/cgi-bin/stable_token',
      authenticated: false,
      idempotent: !forceRefresh,
      body: {
        grant_type: 'client_credential',
        appid: credentials.appId,
        secret: credentials.appSecret,
        force_refresh: forceRefresh,
      },
    });
    return { accessToken: requireString(json, 'access_token'), expiresIn: requireNumber(json, 'expires_in') };
  };
}
