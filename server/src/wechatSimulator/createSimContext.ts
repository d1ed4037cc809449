import { createHash } from 'node:crypto';
import pino from 'pino';
import { decodeAesKey } from '../wechat/crypto';
import { Int64Sequence } from './core/Int64Sequence';
import { SimClock } from './core/SimClock';
import { TaskTracker } from './core/TaskTracker';
import { PushService } from './push/PushService';
import type { AppKind, SimApp, SimContext } from './SimContext';
import type { WechatSimulatorOptions } from './simulatorOptions';
import { DEFAULT_LIMITS, initialSettings } from './simulatorOptions';
import { CallLog } from './stores/CallLog';
import { DedupCache } from './stores/DedupCache';
import { FaultStore } from './stores/FaultStore';
import { FollowerStore } from './stores/FollowerStore';
import { GrantStore } from './stores/GrantStore';
import { Inbox } from './stores/Inbox';
import { MassSendStore } from './stores/MassSendStore';
import { MiniProgramUserStore } from './stores/MiniProgramUserStore';
import { QrTicketStore } from './stores/QrTicketStore';
import { QuotaStore } from './stores/QuotaStore';
import { TagStore } from './stores/TagStore';
import { TokenStore } from './stores/TokenStore';

/** A stable fake original id ("gh_" + 12 hex) derived from the appid when none is given. */
function originalIdOf(appId: string): string {
  return `gh_${createHash('sha1').update(appId).digest('hex').slice(0, 12)}`;
}

function apps(options: WechatSimulatorOptions): Record<AppKind, SimApp> {
  const { oa, mp } = options;
  if (oa.appId === mp.appId) throw new Error('the official account and the mini-program need different appids');
  decodeAesKey(oa.aesKey);
  return {
    oa: { kind: 'oa', appId: oa.appId, appSecret: oa.appSecret, originalId: oa.originalId ?? originalIdOf(oa.appId), token: oa.token, aesKey: oa.aesKey },
    mp: {
      kind: 'mp',
      appId: mp.appId,
      appSecret: mp.appSecret,
      originalId: mp.originalId ?? originalIdOf(mp.appId),
      token: mp.token ?? oa.token,
      aesKey: mp.aesKey ?? oa.aesKey,
    },
  };
}

/** Builds the simulator's state from its options (no server yet). */
export function createSimContext(options: WechatSimulatorOptions): SimContext {
  const clock = new SimClock(options.now);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const settings = initialSettings(options);
  const logger = options.logger ?? pino({ level: 'silent' });
  const simApps = apps(options);
  return {
    apps: simApps,
    mpPages: options.mp.pages,
    settings,
    limits,
    clock,
    logger,
    tasks: new TaskTracker(),
    push: new PushService({ apps: simApps, settings, clock, logger }),
    tokens: new TokenStore(clock, () => ({ lifetimeSeconds: limits.tokenLifetimeSeconds, overlapSeconds: limits.tokenOverlapSeconds })),
    quotas: new QuotaStore(clock, options.quotas),
    calls: new CallLog(),
    faults: new FaultStore(),
    followers: new FollowerStore(clock),
    mpUsers: new MiniProgramUserStore(clock),
    grants: new GrantStore(),
    inbox: new Inbox(),
    tags: new TagStore(options.firstTagId),
    mass: new MassSendStore(clock),
    qrTickets: new QrTicketStore(clock),
    templateDedup: new DedupCache(clock),
    // Above 2^53 (9007199254740992) on purpose: JSON.parse would corrupt these ids.
    msgIds: new Int64Sequence(options.firstMsgId === undefined ? 3_487_542_469_355_618_313n : BigInt(options.firstMsgId), 1_000_003n),
    menu: { value: undefined },
    drafts: new Map(),
  };
}
