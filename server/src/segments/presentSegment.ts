import type { SegmentDto, SegmentSampleMemberDto } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import type { Member } from '../members/Member';
import type { MemberStats } from '../members/MemberStats';
import { maskedPhoneOf } from '../members/presentMe';
import type { Segment } from './Segment';

/** A saved segment for the console. */
export function presentSegment(segment: Segment): SegmentDto {
  return {
    id: segment.id,
    name: segment.name,
    description: segment.description,
    definition: segment.definition,
    createdByStaffId: segment.createdByStaffId,
    createdAt: segment.createdAt.toISOString(),
    updatedAt: segment.updatedAt.toISOString(),
  };
}

/** A member of a preview's sample: the phone masked, never the openid. */
export function presentSegmentSample(config: AppConfig, member: Member, stats: MemberStats | undefined): SegmentSampleMemberDto {
  return {
    id: member.id,
    nickname: member.nickname,
    maskedPhone: maskedPhoneOf(config, member),
    tierCode: member.tierCode,
    purchaseCount: stats?.purchaseCount ?? 0,
    totalSpendFen: stats?.totalSpendFen ?? 0,
    lastPurchaseAt: stats?.lastPurchaseAt?.toISOString() ?? null,
  };
}
