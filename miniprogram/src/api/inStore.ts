import type { CheckInDto, ReceiptClaimDto, SceneDto } from '@toyclub/shared';
import { memberRequest } from '../auth/auth';

/** `GET /api/mp/scenes/:scene`: what a scanned in-store code is (store check-in or receipt). */
export function fetchScene(scene: string): Promise<SceneDto> {
  return memberRequest<SceneDto>(`/api/mp/scenes/${encodeURIComponent(scene)}`);
}

/** `POST /api/mp/check-ins`: today's check-in at the store whose signed scene was scanned. */
export function checkIn(scene: string): Promise<CheckInDto> {
  return memberRequest<CheckInDto>('/api/mp/check-ins', { method: 'POST', data: { scene } });
}

/** `POST /api/mp/receipt-claims`: the points of a purchase made before the customer was a member. */
export function claimReceipt(code: string): Promise<ReceiptClaimDto> {
  return memberRequest<ReceiptClaimDto>('/api/mp/receipt-claims', { method: 'POST', data: { code } });
}
