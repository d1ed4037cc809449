import type { FulfilRedemptionRequest, PurchaseDto, PurchaseRequest, RedemptionDto, ScannedMemberDto, StaffAccountDto } from '@toyclub/shared';
import { memberRequest } from '../auth/auth';

/** `POST /api/mp/staff/binding`: links this WeChat identity to a staff account by its one-time code. */
export function bindStaffAccount(code: string): Promise<StaffAccountDto> {
  return memberRequest<StaffAccountDto>('/api/mp/staff/binding', { method: 'POST', data: { code } });
}

/** `POST /api/mp/staff/card-scans`: whose card this is (phone masked); the code stays unused. */
export function scanMemberCard(cardCode: string): Promise<ScannedMemberDto> {
  return memberRequest<ScannedMemberDto>('/api/mp/staff/card-scans', { method: 'POST', data: { cardCode } });
}

/** `POST /api/mp/staff/purchases`: records a purchase; the same idempotency key never counts twice. */
export function recordPurchase(request: PurchaseRequest): Promise<PurchaseDto> {
  return memberRequest<PurchaseDto>('/api/mp/staff/purchases', { method: 'POST', data: { ...request } });
}

/** `POST /api/mp/staff/redemptions/fulfil`: marks a member's redemption code as handed over. */
export function fulfilRedemption(request: FulfilRedemptionRequest): Promise<RedemptionDto> {
  return memberRequest<RedemptionDto>('/api/mp/staff/redemptions/fulfil', { method: 'POST', data: { ...request } });
}
