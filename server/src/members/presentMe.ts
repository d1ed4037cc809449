import type { MemberMeDto } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import type { System } from '../system/System';
import { Child } from '../children/Child';
import { presentChild } from '../children/presentChild';
import { expiringSoon } from '../points/expiringSoon';
import { hasGuardianConsent, presentConsentState } from '../privacy/consentState';
import { PhoneVault, maskPhone } from '../security/phoneNumbers';
import { StaffAccount } from '../staff/StaffAccount';
import { presentTierProgress } from '../tiers/presentTierProgress';
import type { Member } from './Member';
import { loadStats } from './memberStatsRecorder';

/** The member's masked phone (decrypting only to mask it). */
export function maskedPhoneOf(config: AppConfig, member: Member): string | null {
  if (!member.phoneSealed) return null;
  return maskPhone(new PhoneVault(config.security.signingSecret).reveal(member.phoneSealed));
}

/** `GET /api/mp/me`: the member's card, balance, tier progress, children and consent state. */
export async function presentMe(system: System, member: Member, now = new Date()): Promise<MemberMeDto> {
  const { config, dataSource } = system;
  const manager = dataSource.manager;
  const [stats, expiring, children, staff] = await Promise.all([
    loadStats(manager, member.id, now),
    expiringSoon(manager, config, member.id, now),
    hasGuardianConsent(config, member) ? manager.getRepository(Child).find({ where: { memberId: member.id }, order: { id: 'ASC' } }) : [],
    manager.getRepository(StaffAccount).findOneBy({ memberId: member.id, active: true }),
  ]);
  return {
    id: member.id,
    nickname: member.nickname,
    maskedPhone: maskedPhoneOf(config, member),
    pointsBalance: member.pointsBalance,
    expiringSoon: expiring,
    tier: presentTierProgress(config, member, stats.spend365dFen),
    children: children.map(presentChild),
    consent: presentConsentState(config, member),
    staffRole: staff?.role ?? null,
  };
}
