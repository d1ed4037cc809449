import { WechatFailure } from '../core/WechatFailure';
import type { SimApp, SimContext } from '../SimContext';
import { appByAppId } from '../SimContext';
import type { IssuedToken } from '../stores/TokenStore';
import type { WechatRoute } from '../api/WechatRoute';
import { bare } from '../api/WechatRoute';

/** 40002 wrong grant_type, 40013 unknown appid, 40125 wrong secret; then counts the call. */
function credentials(context: SimContext, path: string, grantType: unknown, appId: unknown, secret: unknown): SimApp {
  const app = appByAppId(context, appId);
  if (!app) throw new WechatFailure(40013);
  if (grantType !== 'client_credential') throw new WechatFailure(40002);
  if (secret !== app.appSecret) throw new WechatFailure(40125);
  context.quotas.consume(app.appId, path);
  return app;
}

function tokenBody(context: SimContext, token: IssuedToken): Record<string, unknown> {
  return { access_token: token.value, expires_in: context.tokens.secondsLeft(token) };
}

/**
 * stable_token: the same token while more than the overlap is left; a new one in the last
 * five minutes (the old keeps working until it expires). force_refresh issues a new token and
 * kills the old at once, at most 20 a day and 30 s apart (sooner: the current token comes back).
 */
function stableToken(context: SimContext, app: SimApp, forceRefresh: boolean): IssuedToken {
  const { tokens, limits, clock } = context;
  const current = tokens.currentToken(app.appId, 'stable');
  const usable = current !== undefined && tokens.isUsable(current);
  if (forceRefresh) {
    const log = tokens.forceRefreshes(app.appId);
    const last = log.at(-1);
    const tooSoon = usable && last !== undefined && clock.now() - last < limits.stableForceRefreshSpacingSeconds * 1000;
    if (!tooSoon) {
      if (log.length >= limits.stableForceRefreshPerDay) throw new WechatFailure(45009);
      log.push(clock.now());
      return tokens.issue(app.appId, 'stable', true);
    }
  }
  if (usable && tokens.secondsLeft(current) > limits.tokenOverlapSeconds) return current;
  return tokens.issue(app.appId, 'stable');
}

/** `/cgi-bin/token` (GET) and `/cgi-bin/stable_token` (POST JSON): two isolated token slots. */
export function tokenRoutes(context: SimContext): WechatRoute[] {
  return [
    {
      method: 'GET',
      path: '/cgi-bin/token',
      auth: 'credentials',
      handle(request) {
        const q = request.query;
        const app = credentials(context, request.path, q.get('grant_type'), q.get('appid'), q.get('secret'));
        // Every fetch rotates: the previous token overlaps for five minutes, older ones die.
        return bare(tokenBody(context, context.tokens.issue(app.appId, 'token')));
      },
    },
    {
      method: 'POST',
      path: '/cgi-bin/stable_token',
      auth: 'credentials',
      handle(request) {
        const body = request.json();
        const app = credentials(context, request.path, body.grant_type, body.appid, body.secret);
        if (body.force_refresh !== undefined && typeof body.force_refresh !== 'boolean') throw new WechatFailure(47001);
        return bare(tokenBody(context, stableToken(context, app, body.force_refresh === true)));
      },
    },
  ];
}
