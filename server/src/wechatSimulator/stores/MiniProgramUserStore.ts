import { randomBytes } from 'node:crypto';
import type { SimClock } from '../core/SimClock';
import { WechatFailure } from '../core/WechatFailure';

/** A mini-program user (openids differ from the official account's). */
export interface MiniProgramUser {
  openid: string;
  unionid?: string;
  /** Rotated by every login, like WeChat. */
  sessionKey?: string;
  /** Last login, in ms (msg_sec_check wants recently active users). */
  lastActiveAt?: number;
}

interface LoginCode {
  openid: string;
  expiresAt: number;
  used: boolean;
}

/** What a phone-number code resolves to. */
export interface PhoneGrant {
  openid: string;
  phoneNumber: string;
  countryCode: string;
  expiresAt: number;
  used: boolean;
}

/** Mini-program users, their wx.login codes and their getPhoneNumber codes. */
export class MiniProgramUserStore {
  private readonly users = new Map<string, MiniProgramUser>();
  private readonly loginCodes = new Map<string, LoginCode>();
  private readonly phoneCodes = new Map<string, PhoneGrant>();

  constructor(private readonly clock: SimClock) {}

  /** Creates or updates a user. */
  upsert(openid: string, unionid?: string): MiniProgramUser {
    const user = this.users.get(openid) ?? { openid };
    if (unionid !== undefined) user.unionid = unionid;
    this.users.set(openid, user);
    return user;
  }

  /** A user, or undefined. */
  get(openid: string): MiniProgramUser | undefined {
    return this.users.get(openid);
  }

  /** A user, or 40003 invalid openid. */
  require(openid: unknown): MiniProgramUser {
    const user = typeof openid === 'string' ? this.users.get(openid) : undefined;
    if (!user) throw new WechatFailure(40003);
    return user;
  }

  /** What wx.login gives the mini-program: a single-use code for jscode2session. */
  createLoginCode(openid: string, unionid: string | undefined, ttlSeconds: number): string {
    this.upsert(openid, unionid);
    const code = randomBytes(16).toString('hex');
    this.loginCodes.set(code, { openid, expiresAt: this.clock.now() + ttlSeconds * 1000, used: false });
    return code;
  }

  /** Redeems a login code: 40029 unknown or expired, 40163 already used; rotates session_key. */
  redeemLoginCode(code: string): MiniProgramUser {
    const entry = this.loginCodes.get(code);
    if (!entry || this.clock.now() >= entry.expiresAt) throw new WechatFailure(40029);
    if (entry.used) throw new WechatFailure(40163);
    entry.used = true;
    const user = this.upsert(entry.openid);
    user.sessionKey = randomBytes(16).toString('base64');
    user.lastActiveAt = this.clock.now();
    return user;
  }

  /** What getPhoneNumber gives the mini-program: a single-use code. */
  createPhoneCode(openid: string, phoneNumber: string, countryCode: string, ttlSeconds: number): string {
    this.upsert(openid);
    const code = randomBytes(16).toString('hex');
    this.phoneCodes.set(code, { openid, phoneNumber, countryCode, expiresAt: this.clock.now() + ttlSeconds * 1000, used: false });
    return code;
  }

  /** Redeems a phone code: 40029 when unknown, used or expired. */
  redeemPhoneCode(code: unknown): PhoneGrant {
    const grant = typeof code === 'string' ? this.phoneCodes.get(code) : undefined;
    if (!grant || grant.used || this.clock.now() >= grant.expiresAt) throw new WechatFailure(40029);
    grant.used = true;
    return grant;
  }

  /** Forgets every user and code. */
  reset(): void {
    this.users.clear();
    this.loginCodes.clear();
    this.phoneCodes.clear();
  }
}
