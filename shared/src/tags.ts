import type { ToyCategory } from './toyCategories';

/** A tag set by staff by hand, or maintained by the server from a rule. */
export type TagKind = 'manual' | 'dynamic';

/** Why a member carries a tag: a dynamic tag's rule, or staff by hand. */
export type MemberTagSource = 'rule' | 'manual';

/** At least `minPurchases` purchases with an item of `category` within the last `withinDays` days. */
export interface CategoryPurchasesCondition {
  kind: 'categoryPurchases';
  category: ToyCategory;
  minPurchases: number;
  withinDays: number;
}

/**
 * At least `minPercent` % of the member's purchases (within `withinDays`, if given) were
 * on discount, judged only once they have `minPurchases` purchases.
 */
export interface DiscountShareCondition {
  kind: 'discountShare';
  minPercent: number;
  minPurchases: number;
  withinDays?: number;
}

/** Net spend (after refunds) in fen within a range, over `withinDays` or all time. */
export interface SpendCondition {
  kind: 'spend';
  minFen?: number;
  maxFen?: number;
  withinDays?: number;
}

/** Number of purchases within a range, over `withinDays` or all time. */
export interface PurchaseCountCondition {
  kind: 'purchaseCount';
  min?: number;
  max?: number;
  withinDays?: number;
}

/** One condition of a tag rule. Fully refunded purchases never count. */
export type TagCondition = CategoryPurchasesCondition | DiscountShareCondition | SpendCondition | PurchaseCountCondition;

/** A dynamic tag's rule: every condition must hold. */
export interface TagRule {
  all: TagCondition[];
}

/** A tag as the console sees it. */
export interface TagDto {
  id: string;
  name: string;
  kind: TagKind;
  /** Null for manual tags. */
  rule: TagRule | null;
  /** Whether the tag is mirrored to a WeChat user tag (for mass sends by tag). */
  mirrorToWechat: boolean;
  /** The WeChat tag id once the mirror exists. */
  wechatTagId: number | null;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Answer of `GET /api/admin/tags`. */
export interface TagListDto {
  tags: TagDto[];
}

/** Body of `POST /api/admin/tags`. */
export interface CreateTagRequest {
  name: string;
  kind: TagKind;
  rule?: TagRule;
  mirrorToWechat?: boolean;
}

/** Body of `PATCH /api/admin/tags/:id`. */
export interface UpdateTagRequest {
  name?: string;
  rule?: TagRule;
  mirrorToWechat?: boolean;
}

/** Body of `POST /api/admin/members/:id/tags`. */
export interface AssignMemberTagRequest {
  tagId: string;
}

/** A tag one member carries. */
export interface MemberTagDto {
  tagId: string;
  name: string;
  source: MemberTagSource;
  assignedAt: string;
}

/** Answer of `GET/POST /api/admin/members/:id/tags` and `DELETE /api/admin/members/:id/tags/:tagId`. */
export interface MemberTagListDto {
  tags: MemberTagDto[];
}

/** Answer of `POST /api/admin/tags/:id/mirror`: the mirror runs as a queued job. */
export interface TagMirrorDto {
  tagId: string;
  jobId: string;
}
