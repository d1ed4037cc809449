import type { StaffRole } from './members';

/** Body of `POST /api/admin/session`. */
export interface StaffLoginRequest {
  username: string;
  password: string;
}

/** A staff account as the admin console sees it. */
export interface StaffAccountDto {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  storeId: string | null;
  active: boolean;
  /** True when bound to a mini-program identity (店员模式). */
  boundToMiniProgram: boolean;
  permissions: string[];
}

/** `POST /api/admin/session` (also sets the httpOnly cookie) and `GET /api/admin/session`. */
export interface StaffSessionDto {
  staff: StaffAccountDto;
  /** Only in the answer to `POST`. */
  expiresAt?: string;
}

/** `GET /api/admin/staff`. */
export interface StaffListDto {
  staff: StaffAccountDto[];
}

/** A store as the console sees it. */
export interface StoreDto {
  id: string;
  code: string;
  name: string;
  address: string;
  phone: string;
  openingHours: string;
  /** The store's own points rule, or null for the default (`points.perYuan`). */
  pointsPerYuan: number | null;
  hasPosKey: boolean;
}

/** `GET /api/admin/stores`. */
export interface StoreListDto {
  stores: StoreDto[];
}

/** Body of `POST /api/admin/stores`; every field optional in `PATCH /api/admin/stores/:id`. */
export interface StoreInput {
  code: string;
  name: string;
  address?: string;
  phone?: string;
  openingHours?: string;
}

/** `POST /api/admin/stores/:id/pos-key`: the new POS key, shown once. */
export interface PosKeyDto {
  storeId: string;
  storeCode: string;
  secret: string;
}

/** `PUT /api/admin/stores/:id/points-rule`. */
export interface PointsRuleDto {
  storeId: string;
  /** The rule now in force (the default when the store's own was cleared). */
  pointsPerYuan: number;
}

/** Body of `POST /api/admin/staff`. */
export interface StaffCreateRequest {
  username: string;
  displayName: string;
  password: string;
  role: StaffRole;
  storeId?: string | null;
}

/** Answer of `POST /api/admin/staff/:id/binding-code`: show it once to the staff member. */
export interface BindingCodeDto {
  code: string;
  expiresAt: string;
}

/** Body of `POST /api/mp/staff/binding`. */
export interface StaffBindingRequest {
  code: string;
}

/** A member row in `GET /api/admin/members`. */
export interface AdminMemberSummaryDto {
  id: string;
  nickname: string | null;
  maskedPhone: string | null;
  tierCode: string;
  pointsBalance: number;
  createdAt: string;
  deleted: boolean;
}

/** `GET /api/admin/members`: keyset pages, newest first. */
export interface AdminMemberPageDto {
  members: AdminMemberSummaryDto[];
  /** Pass as `?after=` for the next page; null at the end. */
  nextCursor: string | null;
}

/** `GET /api/admin/members/:id`. */
export interface AdminMemberDetailDto extends AdminMemberSummaryDto {
  stats: MemberStatsDto;
  children: Array<{ id: string; name: string; birthMonth: number; birthDay: number; interests: string[] }>;
  privacyPolicyVersion: string | null;
}

/** A member's purchase statistics (amounts net of refunds). */
export interface MemberStatsDto {
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
  purchaseCount: number;
  totalSpendFen: number;
  averageTicketFen: number;
  averageIntervalDays: number | null;
  count90d: number;
  spend90dFen: number;
  count365d: number;
  spend365dFen: number;
}

/** `POST /api/admin/members/:id/reveal-phone` (owners only). */
export interface RevealedPhoneDto {
  phone: string | null;
}

/** One entry of `GET /api/admin/audit`. */
export interface AuditEntryDto {
  id: string;
  staffId: string;
  staffUsername: string | null;
  memberId: string | null;
  action: string;
  detail: string;
  ip: string;
  createdAt: string;
}

/** `GET /api/admin/audit`: keyset pages, newest first. */
export interface AuditPageDto {
  entries: AuditEntryDto[];
  nextCursor: string | null;
}

/** What a clerk sees after scanning a card: `POST /api/mp/staff/card-scans`. */
export interface ScannedMemberDto {
  memberId: string;
  nickname: string | null;
  maskedPhone: string | null;
  tierCode: string;
  tierName: string;
  pointsBalance: number;
}
