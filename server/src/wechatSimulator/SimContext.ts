import type { Logger } from 'pino';
import type { Int64Sequence } from './core/Int64Sequence';
import type { SimClock } from './core/SimClock';
import type { TaskTracker } from './core/TaskTracker';
import type { PushService } from './push/PushService';
import type { RuntimeSettings, SimulatorLimits } from './simulatorOptions';
import type { CallLog } from './stores/CallLog';
import type { DedupCache } from './stores/DedupCache';
import type { FaultStore } from './stores/FaultStore';
import type { FollowerStore } from './stores/FollowerStore';
import type { GrantStore } from './stores/GrantStore';
import type { Inbox } from './stores/Inbox';
import type { MassSendStore } from './stores/MassSendStore';
import type { MiniProgramUserStore } from './stores/MiniProgramUserStore';
import type { QrTicketStore } from './stores/QrTicketStore';
import type { QuotaStore } from './stores/QuotaStore';
import type { TagStore } from './stores/TagStore';
import type { TokenStore } from './stores/TokenStore';

/** Which of the two simulated apps. */
export type AppKind = 'oa' | 'mp';

/** One simulated app's credentials and push settings. */
export interface SimApp {
  kind: AppKind;
  appId: string;
  appSecret: string;
  originalId: string;
  token: string;
  aesKey: string;
}

/** Everything the routes share: the apps, the clock, the stores and the push sender. */
export interface SimContext {
  apps: Record<AppKind, SimApp>;
  /** Published mini-program pages (getwxacodeunlimit check_path), if configured. */
  mpPages: string[] | undefined;
  settings: RuntimeSettings;
  limits: SimulatorLimits;
  clock: SimClock;
  logger: Logger;
  tasks: TaskTracker;
  push: PushService;
  tokens: TokenStore;
  quotas: QuotaStore;
  calls: CallLog;
  faults: FaultStore;
  followers: FollowerStore;
  mpUsers: MiniProgramUserStore;
  grants: GrantStore;
  inbox: Inbox;
  tags: TagStore;
  mass: MassSendStore;
  qrTickets: QrTicketStore;
  /** client_msg_id → msgid, 10 minutes. */
  templateDedup: DedupCache<string>;
  /** 64-bit ids: template msgids, user MsgIds, subscribe msgids. */
  msgIds: Int64Sequence;
  /** The OA menu as last created, or undefined. */
  menu: { value: unknown };
  /** draft/add media ids → articles. */
  drafts: Map<string, unknown[]>;
}

/** The app whose appid this is, if any. */
export function appByAppId(context: SimContext, appId: unknown): SimApp | undefined {
  return Object.values(context.apps).find((app) => app.appId === appId);
}
