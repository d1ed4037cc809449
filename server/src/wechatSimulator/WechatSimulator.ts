import type { SimContext } from './SimContext';
import type { SubscribePopupChoice } from './actions/answerSubscribePopup';
import type { UserPushInput } from './actions/pushFromUser';
import type { PushRecord } from './push/PushService';
import type { PushMode, RuntimeSettings } from './simulatorOptions';
import type { RecordedCall } from './stores/CallLog';
import type { ActiveFault, FaultSpec } from './stores/FaultStore';
import type { Follower, FollowerInput } from './stores/FollowerStore';
import type { InboxEntry } from './stores/Inbox';
import type { QuotaLimit } from './stores/QuotaStore';
import type { TokenSlot } from './stores/TokenStore';

/**
 * A running simulator. Everything the `/__sim` control API does is also available here as
 * a typed method, for tests that run the simulator in-process.
 */
export interface WechatSimulator {
  /** Base URL, e.g. http://127.0.0.1:3900: the gateway's `apiBase`. */
  url: string;
  port: number;
  /** The live settings (callbackUrl, pushMode, retryDelayMs...); changes apply at once. */
  settings: RuntimeSettings;
  /** The whole state, for tests that need more than the helpers. */
  context: SimContext;
  /** Stops the server, cancels pending pushes and waits for running ones. */
  close(): Promise<void>;
  /** Where pushes go (our server's /wechat); tests start the simulator before the server. */
  setCallbackUrl(url: string | undefined): void;
  setPushMode(mode: PushMode): void;
  /** Now, in the simulator's epoch ms. */
  now(): number;
  /** Moves the simulator's clock forward (token expiry, quota days, dedup windows). */
  advanceClock(ms: number): void;
  addFollower(input: FollowerInput): Follower;
  follower(openid: string): Follower | undefined;
  /** What wx.login would return for this user. */
  createLoginCode(openid: string, unionid?: string): string;
  /** What getPhoneNumber would return for this user. */
  createPhoneCode(openid: string, phoneNumber: string, countryCode?: string): string;
  /** The user accepts a subscription template `count` times; returns the balance. */
  grantSubscription(app: 'oa' | 'mp', openid: string, templateId: string, count?: number): number;
  /** An OA follower answers the subscription popup (accept adds a bizsend grant). */
  answerSubscribePopup(choice: SubscribePopupChoice): Promise<PushRecord>;
  /** API calls to `path` (all when omitted), oldest first. */
  calls(path?: string): RecordedCall[];
  clearCalls(): void;
  addFault(fault: FaultSpec): ActiveFault;
  clearFaults(path?: string): void;
  /** A user message or event, delivered with WeChat's retries; resolves when done. */
  push(input: UserPushInput): Promise<PushRecord>;
  /** A user scans a parametric QR code ticket (subscribe or SCAN). */
  scan(openid: string, ticket: string): Promise<PushRecord>;
  /** Pushes so far (user and job events), oldest first. */
  pushes(): PushRecord[];
  /** The first finished push matching `predicate` (waits for it). */
  waitForPush(predicate: (push: PushRecord) => boolean, timeoutMs?: number): Promise<PushRecord>;
  /** Messages users received, oldest first. */
  inbox(openid?: string): InboxEntry[];
  /** Expires tokens now (next call: 42001). */
  expireTokens(appId?: string, slot?: TokenSlot): number;
  /** Revokes tokens (next call: 40001). */
  invalidateTokens(appId?: string, slot?: TokenSlot): number;
  setQuota(path: string, limit: QuotaLimit): void;
  /** Resolves when no background push is pending or running. */
  idle(): Promise<void>;
  /** Forgets all state but keeps the settings. */
  reset(): void;
}
