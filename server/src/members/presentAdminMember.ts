import type { AdminMemberDetailDto, AdminMemberSummaryDto, MemberStatsDto } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import type { Child } from '../children/Child';
import type { Member } from './Member';
import type { MemberStats } from './MemberStats';
import { maskedPhoneOf } from './presentMe';

/** A member row for staff: the phone masked, never the openid. */
export function presentAdminMemberSummary(config: AppConfig, member: Member): AdminMemberSummaryDto {
  return {
    id: member.id,
    nickname: member.nickname,
    maskedPhone: maskedPhoneOf(config, member),
    tierCode: member.tierCode,
    pointsBalance: member.pointsBalance,
    createdAt: member.createdAt.toISOString(),
    deleted: member.deletedAt !== null,
  };
}

/** A member's purchase statistics. */
export function presentStats(stats: MemberStats): MemberStatsDto {
  return {
    firstPurchaseAt: stats.firstPurchaseAt?.toISOString() ?? null,
    lastPurchaseAt: stats.lastPurchaseAt?.toISOString() ?? null,
    purchaseCount: stats.purchaseCount,
    totalSpendFen: stats.totalSpendFen,
    averageTicketFen: stats.averageTicketFen,
    averageIntervalDays: stats.averageIntervalDays,
    count90d: stats.count90d,
    spend90dFen: stats.spend90dFen,
    count365d: stats.count365d,
    spend365dFen: stats.spend365dFen,
  };
}

/** A member's page in the console. */
export function presentAdminMemberDetail(config: AppConfig, member: Member, stats: MemberStats, children: Child[]): AdminMemberDetailDto {
  return {
    ...presentAdminMemberSummary(config, member),
    stats: presentStats(stats),
    children: children.map((child) => ({
      id: child.id,
      name: child.name,
      birthMonth: child.birthMonth,
      birthDay: child.birthDay,
      interests: child.interests,
    })),
    privacyPolicyVersion: member.privacyPolicyVersion,
  };
}
