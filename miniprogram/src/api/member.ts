import type { CardCodeDto, ConsentRequest, MemberMeDto } from '@toyclub/shared';
import { memberRequest } from '../auth/auth';

/** `POST /api/mp/consent`: accepts the current policy version (privacy, or the guardian's for children). */
export function acceptConsent(request: ConsentRequest): Promise<MemberMeDto> {
  return memberRequest<MemberMeDto>('/api/mp/consent', { method: 'POST', data: { ...request } });
}

/** `POST /api/mp/card-code`: a fresh rotating card code. */
export function fetchCardCode(): Promise<CardCodeDto> {
  return memberRequest<CardCodeDto>('/api/mp/card-code', { method: 'POST', data: {} });
}

/** Fen as yuan text: 12345 → "123.45". Integers only, no floating point. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
