/** The built-in toy-retail segments; their thresholds live in the server's `segments.builtin` config. */
export const BUILTIN_SEGMENT_CODES = [
  'high_freq_low_ticket',
  'low_freq_high_ticket',
  'high_value',
  'developing',
  'regular',
  'dormant',
  'churn_risk',
  'new_member',
] as const;

/** One of {@link BUILTIN_SEGMENT_CODES}. */
export type BuiltinSegmentCode = (typeof BUILTIN_SEGMENT_CODES)[number];

/** The console's names of the built-in segments. */
export const BUILTIN_SEGMENT_LABELS: Record<BuiltinSegmentCode, string> = {
  high_freq_low_ticket: '高频低客单',
  low_freq_high_ticket: '低频高客单',
  high_value: '高价值',
  developing: '重要发展',
  regular: '普通',
  dormant: '沉默',
  churn_risk: '流失风险',
  new_member: '新会员',
};

/** Windows of the spend rule: all time, or the last 365 days. Amounts are net of refunds. */
export type SpendWindow = 'total' | '365d';

/** Windows of the frequency rule (number of purchases not fully refunded). */
export type FrequencyWindow = '90d' | '365d';

/** Channels a member can be reached through. */
export type ReachabilityChannel = 'official_account' | 'mini_program';

/**
 * One condition of a segment. Every range is inclusive and either bound may be left
 * out (but not both). A member without purchases has no "days since last purchase".
 */
export type SegmentRule =
  | { kind: 'builtin'; segment: BuiltinSegmentCode }
  | { kind: 'tier'; tiers: string[] }
  | { kind: 'tag'; tagIds: number[] }
  | { kind: 'spend'; window: SpendWindow; minFen?: number; maxFen?: number }
  | { kind: 'frequency'; window: FrequencyWindow; min?: number; max?: number }
  | { kind: 'days_since_last_purchase'; min?: number; max?: number }
  /** At least one child whose age in whole months is in the range (children with a birth year only). */
  | { kind: 'child_age_months'; min?: number; max?: number }
  /** At least one child whose next birthday is today or within `days` days. */
  | { kind: 'child_birthday_within'; days: number }
  /** Registered through one of these channels (QR scene such as `poster:spring`, `store:S001`). */
  | { kind: 'registration_channel'; channels: string[] }
  /** Registered at one of these stores. */
  | { kind: 'registration_store'; storeIds: number[] }
  /** `reachable: true`: has a reachable OA follower / a mini-program openid; `false`: has none. */
  | { kind: 'reachability'; channel: ReachabilityChannel; reachable: boolean };

/** The kinds of {@link SegmentRule}. */
export type SegmentRuleKind = SegmentRule['kind'];

/** Rules combined with and/or; groups nest. */
export interface SegmentGroup {
  op: 'and' | 'or';
  rules: Array<SegmentRule | SegmentGroup>;
}

/** A segment's definition: a tree of groups whose leaves are rules. */
export type SegmentDefinition = SegmentGroup;

/** Limits of a definition, so that a compiled query stays small. */
export const SEGMENT_LIMITS = { maxDepth: 4, maxRules: 50, maxListItems: 200 } as const;

/** A saved segment as the console sees it. */
export interface SegmentDto {
  id: string;
  name: string;
  description: string;
  definition: SegmentDefinition;
  createdByStaffId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/admin/segments`. */
export interface SegmentListDto {
  segments: SegmentDto[];
}

/** Body of `POST /api/admin/segments`; `PATCH` takes any part of it. */
export interface SegmentInput {
  name: string;
  description?: string;
  definition: SegmentDefinition;
}

/** A member in a preview's sample: no openid, the phone masked. */
export interface SegmentSampleMemberDto {
  id: string;
  nickname: string | null;
  maskedPhone: string | null;
  tierCode: string;
  purchaseCount: number;
  totalSpendFen: number;
  lastPurchaseAt: string | null;
}

/** `POST /api/admin/segments/preview` `{ definition }`. */
export interface SegmentPreviewDto {
  count: number;
  sample: SegmentSampleMemberDto[];
}

/** One entry of `GET /api/admin/segments/builtin`. */
export interface BuiltinSegmentDto {
  code: BuiltinSegmentCode;
  label: string;
  /** How the segment is defined, with the configured thresholds (Chinese). */
  description: string;
  count: number;
}

/** `GET /api/admin/segments/builtin`. */
export interface BuiltinSegmentListDto {
  segments: BuiltinSegmentDto[];
}
