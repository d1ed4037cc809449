import { WechatFailure } from '../core/WechatFailure';

/**
 * Subscription-message authorisations: each acceptance of a template by a user allows one
 * send; with none left WeChat answers 43101.
 */
export class GrantStore {
  private readonly grants = new Map<string, number>();

  /** Adds `count` sends of `templateId` to `openid` in `app`; returns the new balance. */
  grant(app: 'oa' | 'mp', openid: string, templateId: string, count = 1): number {
    const key = `${app}:${openid}:${templateId}`;
    const balance = (this.grants.get(key) ?? 0) + count;
    this.grants.set(key, balance);
    return balance;
  }

  /** Sends left. */
  balance(app: 'oa' | 'mp', openid: string, templateId: string): number {
    return this.grants.get(`${app}:${openid}:${templateId}`) ?? 0;
  }

  /** Uses one grant or throws 43101. */
  take(app: 'oa' | 'mp', openid: string, templateId: string): void {
    const key = `${app}:${openid}:${templateId}`;
    const balance = this.grants.get(key) ?? 0;
    if (balance <= 0) throw new WechatFailure(43101);
    this.grants.set(key, balance - 1);
  }

  /** Forgets every grant. */
  reset(): void {
    this.grants.clear();
  }
}
