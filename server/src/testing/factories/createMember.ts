import { randomBytes } from 'node:crypto';
import type { System } from '../../system/System';
import { Member } from '../../members/Member';
import { MemberSession } from '../../members/MemberSession';
import { PhoneVault } from '../../security/phoneNumbers';
import { randomToken, tokenHash } from '../../security/secretTokens';

/** Options of {@link createMember}. */
export interface MemberOverrides {
  consented?: boolean;
  guardianConsented?: boolean;
  nickname?: string | null;
  phone?: string | null;
  tierCode?: string;
  registrationChannel?: string | null;
  registrationStoreId?: string | null;
}

/** A fresh member (consented to the current policy unless told otherwise) and a bearer token. */
export async function createMember(system: System, overrides: MemberOverrides = {}): Promise<{ member: Member; token: string }> {
  const consented = overrides.consented ?? true;
  const version = system.config.membership.privacyPolicyVersion;
  const now = new Date();
  const phone = overrides.phone === undefined ? null : overrides.phone;
  const stored = phone && consented ? new PhoneVault(system.config.security.signingSecret).store(phone) : null;
  const repository = system.dataSource.getRepository(Member);
  const member = repository.create({
    openid: `o${randomBytes(12).toString('hex')}`,
    unionid: null,
    nickname: consented ? (overrides.nickname === undefined ? '测试家长' : overrides.nickname) : null,
    phoneLast4: stored?.last4 ?? null,
    phoneHash: stored?.lookupHash ?? null,
    phoneSealed: stored?.sealed ?? null,
    tierCode: overrides.tierCode ?? system.config.tiers.levels[0]!.code,
    tierSince: now,
    tierDowngradePendingSince: null,
    pointsBalance: 0,
    privacyPolicyVersion: consented ? version : null,
    privacyConsentedAt: consented ? now : null,
    guardianPolicyVersion: overrides.guardianConsented ? version : null,
    guardianConsentedAt: overrides.guardianConsented ? now : null,
    registrationChannel: overrides.registrationChannel ?? null,
    registrationStoreId: overrides.registrationStoreId ?? null,
    deletedAt: null,
  });
  await repository.save(member);
  const token = randomToken();
  await system.dataSource.getRepository(MemberSession).insert({
    memberId: member.id,
    tokenHash: tokenHash(token),
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  return { member, token };
}
