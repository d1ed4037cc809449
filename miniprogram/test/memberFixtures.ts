import type { MemberMeDto } from '@toyclub/shared';

const FUTURE = new Date(Date.now() + 3600_000).toISOString();

/** A signed-in member as `GET /api/mp/me` answers, consent given, not staff. */
export function memberMe(overrides: Partial<MemberMeDto> = {}): MemberMeDto {
  return {
    id: 'm1',
    nickname: null,
    maskedPhone: null,
    pointsBalance: 320,
    expiringSoon: { points: 0, before: FUTURE, earliestAt: null },
    tier: {
      current: { code: 'normal', name: '普通', minSpendFen: 0, multiplierPercent: 100 },
      next: { code: 'silver', name: '银卡', minSpendFen: 100000, multiplierPercent: 120 },
      spend12MonthsFen: 40000,
      remainingFen: 60000,
      percent: 40,
      downgradeOn: null,
    },
    children: [],
    consent: { currentPolicyVersion: '2026-01', privacyAccepted: true, privacyAcceptedVersion: '2026-01', guardianAccepted: false },
    staffRole: null,
    ...overrides,
  };
}

/** Consent not yet given. */
export const NO_CONSENT: MemberMeDto['consent'] = { currentPolicyVersion: '2026-01', privacyAccepted: false, privacyAcceptedVersion: null, guardianAccepted: false };

/** A session that stays valid through the test. */
export const VALID_SESSION = { token: 't1', expiresAt: FUTURE };
