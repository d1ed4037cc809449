import { errors } from '../app/errors';
import { isDuplicateKey } from '../db/runInTransaction';
import { randomToken, tokenHash } from '../security/secretTokens';
import type { System } from '../system/System';
import { Member } from './Member';
import { MemberSession } from './MemberSession';
import { wechatFailure } from './wechatFailure';

async function findOrCreate(system: System, openid: string, unionid: string | null, now: Date): Promise<Member> {
  const repository = system.dataSource.getRepository(Member);
  const existing = await repository.findOneBy({ openid });
  if (existing) {
    if (unionid && !existing.unionid) {
      await repository.update({ id: existing.id }, { unionid });
      existing.unionid = unionid;
    }
    return existing;
  }
  // Only the identifiers WeChat gave: nothing personal is stored before consent.
  const member = repository.create({
    openid,
    unionid,
    nickname: null,
    phoneLast4: null,
    phoneHash: null,
    phoneSealed: null,
    tierCode: system.config.tiers.levels[0]!.code,
    tierSince: now,
    tierDowngradePendingSince: null,
    pointsBalance: 0,
    privacyPolicyVersion: null,
    privacyConsentedAt: null,
    guardianPolicyVersion: null,
    guardianConsentedAt: null,
    deletedAt: null,
  });
  try {
    await repository.insert(member);
    return member;
  } catch (error) {
    // Two first logins at once: the unique openid lets one insert; the other reads it.
    if (!isDuplicateKey(error)) throw error;
    return repository.findOneByOrFail({ openid });
  }
}

/**
 * Signs a member in with a `wx.login` code: exchanges it server-side (the client's own
 * idea of its openid is never asked for), finds or creates the member, and opens a
 * bearer-token session. The `session_key` is not kept: nothing here needs it.
 */
export async function memberSignIn(options: { system: System; code: string; now: Date }): Promise<{
  member: Member;
  token: string;
  expiresAt: Date;
}> {
  const { system, code, now } = options;
  let session;
  try {
    session = await system.wechat.mp.code2Session(code);
  } catch (error) {
    throw wechatFailure(error, errors.badRequest('login_code_invalid', '登录凭证无效或已过期，请重新进入小程序')) ?? error;
  }
  const member = await findOrCreate(system, session.openid, session.unionid, now);
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + system.config.membership.sessionTtlHours * 3_600_000);
  await system.dataSource.getRepository(MemberSession).insert({ memberId: member.id, tokenHash: tokenHash(token), expiresAt, createdAt: now });
  return { member, token, expiresAt };
}
