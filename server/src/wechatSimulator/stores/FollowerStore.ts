import type { SimClock } from '../core/SimClock';
import { WechatFailure } from '../core/WechatFailure';

/** One follower of the official account, as WeChat knows them. */
export interface Follower {
  openid: string;
  unionid?: string;
  nickname?: string;
  subscribed: boolean;
  /** Seconds, as user/info reports it. */
  subscribeTime: number;
  subscribeScene: string;
  qrScene: number;
  qrSceneStr: string;
  remark: string;
  tagIds: number[];
  /** Refuses template messages: TEMPLATESENDJOBFINISH says `failed:user block`. */
  blocking: boolean;
  /** Template deliveries fail with `failed: system failed`. */
  systemFailure: boolean;
  /** Last message, click, scan or follow, in ms (opens the 48-hour customer-service window). */
  lastInteractionAt?: number;
  /** Customer-service messages sent since that interaction (45047 past the limit). */
  customSinceInteraction: number;
  /** Mass messages received per China month, e.g. {"2026-11": 2}. */
  massByMonth: Record<string, number>;
}

/** Fields a test may set when creating or changing a follower. */
export interface FollowerInput {
  openid: string;
  unionid?: string;
  nickname?: string;
  subscribed?: boolean;
  blocking?: boolean;
  systemFailure?: boolean;
  /** Epoch ms; null clears it (no customer-service window). */
  lastInteractionAt?: number | null;
}

/** The official account's followers, in the order they were first seen. */
export class FollowerStore {
  private readonly followers = new Map<string, Follower>();

  constructor(private readonly clock: SimClock) {}

  /** Creates or updates a follower; a new subscribed follower has just interacted. */
  upsert(input: FollowerInput): Follower {
    const existing = this.followers.get(input.openid);
    const now = this.clock.now();
    const follower: Follower = existing ?? {
      openid: input.openid,
      subscribed: true,
      subscribeTime: Math.floor(now / 1000),
      subscribeScene: 'ADD_SCENE_OTHERS',
      qrScene: 0,
      qrSceneStr: '',
      remark: '',
      tagIds: [],
      blocking: false,
      systemFailure: false,
      lastInteractionAt: now,
      customSinceInteraction: 0,
      massByMonth: {},
    };
    if (input.unionid !== undefined) follower.unionid = input.unionid;
    if (input.nickname !== undefined) follower.nickname = input.nickname;
    if (input.subscribed !== undefined) follower.subscribed = input.subscribed;
    if (input.blocking !== undefined) follower.blocking = input.blocking;
    if (input.systemFailure !== undefined) follower.systemFailure = input.systemFailure;
    if (input.lastInteractionAt !== undefined) follower.lastInteractionAt = input.lastInteractionAt ?? undefined;
    this.followers.set(follower.openid, follower);
    return follower;
  }

  /** A follower, or undefined for an openid WeChat never gave this account. */
  get(openid: string): Follower | undefined {
    return this.followers.get(openid);
  }

  /** A follower, or 40003 invalid openid. */
  require(openid: unknown): Follower {
    const follower = typeof openid === 'string' ? this.followers.get(openid) : undefined;
    if (!follower) throw new WechatFailure(40003);
    return follower;
  }

  /** A follower who still follows: 40003 for unknown openids, 43004 for those who left. */
  requireSubscribed(openid: unknown): Follower {
    const follower = this.require(openid);
    if (!follower.subscribed) throw new WechatFailure(43004);
    return follower;
  }

  /** Every follower, subscribed or not, first seen first. */
  list(): Follower[] {
    return [...this.followers.values()];
  }

  /** Marks a follow (new or again), from a QR code when `qrScene` is given. */
  subscribe(openid: string, qrScene?: string): Follower {
    const follower = this.upsert({ openid, subscribed: true });
    follower.subscribeTime = this.clock.nowSeconds();
    follower.subscribeScene = qrScene === undefined ? 'ADD_SCENE_OTHERS' : 'ADD_SCENE_QR_CODE';
    const numeric = qrScene !== undefined && /^\d+$/.test(qrScene);
    follower.qrScene = numeric ? Number(qrScene) : 0;
    follower.qrSceneStr = qrScene !== undefined && !numeric ? qrScene : '';
    this.interacted(follower);
    return follower;
  }

  /** Marks an unfollow: later template sends answer 43004. */
  unsubscribe(openid: string): Follower {
    const follower = this.upsert({ openid, subscribed: false });
    follower.lastInteractionAt = undefined;
    return follower;
  }

  /** Records an interaction that opens the 48-hour customer-service window. */
  interacted(follower: Follower): void {
    follower.lastInteractionAt = this.clock.now();
    follower.customSinceInteraction = 0;
  }

  /** Forgets every follower. */
  reset(): void {
    this.followers.clear();
  }
}
