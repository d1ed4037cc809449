import { MoreThan } from 'typeorm';
import { errors } from '../app/errors';
import type { AppContext, AppMiddleware } from '../app/appTypes';
import { tokenHash } from '../security/secretTokens';
import { Member } from './Member';
import { MemberSession } from './MemberSession';

interface MemberAuthState {
  member?: Member;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/;

/**
 * Authenticates a member by the opaque bearer token from `POST /api/mp/session`: the
 * token's hash must name an unexpired session of a member who has not deleted the account.
 */
export function memberAuth(): AppMiddleware {
  return async (ctx, next) => {
    const match = BEARER.exec(ctx.get('authorization'));
    if (!match) throw errors.unauthorized('session_required', '请先登录');
    const session = await ctx.system.dataSource
      .getRepository(MemberSession)
      .findOneBy({ tokenHash: tokenHash(match[1]!), expiresAt: MoreThan(new Date()) });
    const member = session ? await ctx.system.dataSource.getRepository(Member).findOneBy({ id: session.memberId }) : null;
    if (!member || member.deletedAt) throw errors.unauthorized('session_expired', '登录已过期，请重新进入小程序');
    (ctx.state as MemberAuthState).member = member;
    await next();
  };
}

/** The signed-in member (after {@link memberAuth}). */
export function currentMember(ctx: AppContext): Member {
  const member = (ctx.state as MemberAuthState).member;
  if (!member) throw new Error('memberAuth did not run');
  return member;
}

/** Keys a rate limit by the signed-in member rather than the IP (many parents share a store's Wi-Fi). */
export function byMember(ctx: AppContext): string {
  return ctx.get('authorization').slice(-24) || ctx.ip;
}
