import { Task } from '../../queue/Task';
import type { TaskContext } from '../../queue/Task';
import { WechatApiError } from '../../wechat/gateway/WechatApiError';
import { bindFollowerByUnionid } from '../followers/bindFollower';
import { markFollowerUnreachable } from '../followers/markFollowerUnreachable';

/** A follower to look up after they followed. */
export interface SyncFollowerPayload {
  openid: string;
  /** The follow push's dedup key: one lookup per follow. */
  key: string;
}

/**
 * Fetches a new follower's `user/info` (a network call, so never inside the callback) and,
 * when WeChat gives a unionid shared with a mini-program member, binds the two.
 */
export class SyncFollowerTask extends Task<SyncFollowerPayload> {
  readonly name = 'oa.syncFollower';
  override readonly queueName = 'officialAccount';

  override jobId(payload: SyncFollowerPayload): string {
    return `oa-sync:${payload.key}`;
  }

  async perform(payload: SyncFollowerPayload, { system, log }: TaskContext): Promise<{ memberId: string | null }> {
    try {
      const info = await system.wechat.oa.getUser(payload.openid);
      if (!info.subscribed) {
        await markFollowerUnreachable(system.dataSource, payload.openid, 'unsubscribed');
        return { memberId: null };
      }
      if (!info.unionid) return { memberId: null };
      const memberId = await bindFollowerByUnionid(system.dataSource, payload.openid, info.unionid);
      if (memberId) log.info({ memberId }, 'follower bound to member by unionid');
      return { memberId };
    } catch (error) {
      if (error instanceof WechatApiError && error.action === 'memberUnreachable') {
        await markFollowerUnreachable(system.dataSource, payload.openid, 'invalid_openid');
        return { memberId: null };
      }
      throw error;
    }
  }
}

/** The task instance the worker registers and callers schedule. */
export const syncFollowerTask = new SyncFollowerTask();
