import type { ToyCategory } from './toyCategories';

/** A child's gender, optional. */
export type ChildGender = 'boy' | 'girl';

/** A child as the member sees it. */
export interface ChildDto {
  id: string;
  name: string;
  birthYear: number | null;
  birthMonth: number;
  birthDay: number;
  gender: ChildGender | null;
  interests: ToyCategory[];
}

/** `GET /api/mp/children`. */
export interface ChildListDto {
  children: ChildDto[];
}

/** `GET /api/mp/me/phone`: the member's own full number. */
export interface OwnPhoneDto {
  phone: string | null;
}

/** Body of `POST /api/mp/children` and `PUT /api/mp/children/:id`. */
export interface ChildInput {
  name: string;
  birthYear?: number | null;
  birthMonth: number;
  birthDay: number;
  gender?: ChildGender | null;
  interests?: ToyCategory[];
}

/** A tier as configured: name, spend threshold over 12 months, points multiplier. */
export interface TierDto {
  code: string;
  name: string;
  minSpendFen: number;
  /** 100 = ×1.0, 150 = ×1.5. */
  multiplierPercent: number;
}

/** Answer of `GET /api/admin/tiers`: the configured tiers, lowest first. */
export interface TierListDto {
  tiers: TierDto[];
}

/** Where the member stands towards the next tier. */
export interface TierProgressDto {
  current: TierDto;
  /** Null at the top tier. */
  next: TierDto | null;
  /** Net spend over the rolling last 12 months. */
  spend12MonthsFen: number;
  /** How much more to spend for the next tier; 0 at the top tier. */
  remainingFen: number;
  /** 0–100, for the progress bar. */
  percent: number;
  /** Set when spend fell below the current tier: the day the downgrade takes effect unless spend recovers. */
  downgradeOn: string | null;
}

/** What the member has consented to. */
export interface ConsentStateDto {
  /** The policy version the member must accept now. */
  currentPolicyVersion: string;
  /** True when the member accepted the current version. */
  privacyAccepted: boolean;
  privacyAcceptedVersion: string | null;
  /** True when the guardian consented (current version) to storing children's data. */
  guardianAccepted: boolean;
}

/** Points about to expire. */
export interface ExpiringPointsDto {
  points: number;
  /** The end of the "expiring soon" window (ISO time). */
  before: string;
  /** The earliest expiry among them (ISO time), null when none. */
  earliestAt: string | null;
}

/** `GET /api/mp/me` and `member` in `POST /api/mp/session`. */
export interface MemberMeDto {
  id: string;
  nickname: string | null;
  /** 138****1234; the member's own full number is at `GET /api/mp/me/phone`. */
  maskedPhone: string | null;
  pointsBalance: number;
  expiringSoon: ExpiringPointsDto;
  tier: TierProgressDto;
  children: ChildDto[];
  consent: ConsentStateDto;
  /** Set when the member is bound to a staff account (店员模式). */
  staffRole: StaffRole | null;
}

/** Body of `POST /api/mp/session`. */
export interface MemberSessionRequest {
  code: string;
}

/** Answer of `POST /api/mp/session`. */
export interface MemberSessionDto {
  token: string;
  expiresAt: string;
  member: MemberMeDto;
}

/** Body of `POST /api/mp/consent`. */
export interface ConsentRequest {
  policyVersion: string;
  /** `privacy` (default) or `guardian` (children's data; needs privacy first). */
  kind?: 'privacy' | 'guardian';
}

/** Body of `PATCH /api/mp/me`. */
export interface MemberProfileInput {
  nickname?: string;
}

/** Body of `POST /api/mp/me/phone`: the code from the getPhoneNumber button. */
export interface PhoneNumberRequest {
  code: string;
}

/** A staff role. */
export type StaffRole = 'owner' | 'manager' | 'clerk';
