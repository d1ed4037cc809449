/** How a keyword rule matches a follower's text. */
export type AutoReplyMatchType = 'exact' | 'contains' | 'regex';

/**
 * What a keyword rule answers: a text, an image (a permanent media id), or a mini-program
 * card (sent as a custom-service message, since passive replies cannot carry one).
 */
export type AutoReplyContent =
  | { type: 'text'; content: string }
  | { type: 'image'; mediaId: string }
  /** `thumbMediaId` omitted: the card shows the configured default picture. */
  | { type: 'miniprogram'; title: string; pagepath: string; thumbMediaId?: string };

/** Body of `POST /api/admin/auto-replies` and `PUT /api/admin/auto-replies/:id`. */
export interface AutoReplyRuleInput {
  name: string;
  matchType: AutoReplyMatchType;
  pattern: string;
  /** Higher first (default 0). */
  priority?: number;
  reply: AutoReplyContent;
  enabled?: boolean;
}

/** A keyword rule as the admin console sees it. */
export interface AutoReplyRuleDto {
  id: string;
  name: string;
  matchType: AutoReplyMatchType;
  pattern: string;
  priority: number;
  reply: AutoReplyContent;
  enabled: boolean;
  updatedAt: string;
}

/** `GET /api/admin/auto-replies`: every rule, in the order they are tried. */
export interface AutoReplyRuleListDto {
  rules: AutoReplyRuleDto[];
}

/** Body of `POST /api/mp/oa-binding`: the token from the official account's link. */
export interface OaBindingRequest {
  token: string;
}

/** Answer of `POST /api/mp/oa-binding`. */
export interface OaBindingDto {
  /** True when the follower is now (or already was) bound to this member. */
  bound: boolean;
  /** Whether the member can receive official-account messages. */
  subscribed: boolean;
}

/** Answer of `POST /api/admin/oa/menu/publish`. */
export interface OaMenuPublishDto {
  published: boolean;
  buttons: number;
}

/** Answer of `POST /api/admin/oa/stores/:id/qrcode`: scanning it follows (or, for followers, checks in). */
export interface StoreQrCodeDto {
  storeId: string;
  scene: string;
  ticket: string;
  /** What the code encodes. */
  url: string;
  /** WeChat's image of the code, for printing. */
  imageUrl: string;
}

/** Body of `POST /api/admin/oa/qrcodes`: a poster's or campaign's code. */
export interface ChannelQrCodeRequest {
  kind: 'poster' | 'campaign';
  code: string;
  permanent?: boolean;
  /** Temporary codes only, 1–30 (default 30). */
  expireDays?: number;
}

/** Answer of `POST /api/admin/oa/qrcodes`: follows through it are attributed to `scene`. */
export interface ChannelQrCodeDto {
  scene: string;
  ticket: string;
  url: string;
  imageUrl: string;
  /** Null for permanent codes. */
  expireSeconds: number | null;
}
