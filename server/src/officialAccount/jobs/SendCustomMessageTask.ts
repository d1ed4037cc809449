import { Task } from '../../queue/Task';
import type { TaskContext } from '../../queue/Task';
import type { MiniProgramCard } from '../../wechat/gateway/OfficialAccountMessages';
import { WechatApiError } from '../../wechat/gateway/WechatApiError';
import { markFollowerUnreachable } from '../followers/markFollowerUnreachable';

/** A customer-service message: what a passive reply could not carry (in time, or at all: a mini-program card). */
export type CustomMessage =
  | { type: 'text'; content: string }
  | { type: 'image'; mediaId: string }
  | ({ type: 'miniProgramCard' } & MiniProgramCard);

/** One customer-service message to one follower; `key` makes the job unique (the push's dedup key + a suffix). */
export interface SendCustomMessagePayload {
  openid: string;
  message: CustomMessage;
  key: string;
}

/**
 * Sends a customer-service message through the gateway: the late answer to a push that
 * got an empty reply, or a mini-program card (which no passive reply can carry). The job
 * id comes from the push's dedup key, so a re-delivered push never sends twice. Followers
 * who left are marked unreachable and not retried.
 */
export class SendCustomMessageTask extends Task<SendCustomMessagePayload> {
  readonly name = 'oa.sendCustomMessage';
  override readonly queueName = 'officialAccount';

  override jobId(payload: SendCustomMessagePayload): string {
    return `oa-custom:${payload.key}`;
  }

  async perform(payload: SendCustomMessagePayload, { system, job, log }: TaskContext): Promise<void> {
    const oa = system.wechat.oa;
    try {
      const { message } = payload;
      if (message.type === 'text') await oa.sendCustomText(payload.openid, message.content);
      else if (message.type === 'image') await oa.sendCustomImage(payload.openid, message.mediaId);
      else await oa.sendCustomMiniProgramCard(payload.openid, message);
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      // 45015: the 48-hour window closed. The follower is still there for template messages
      // and campaigns, so they are not marked unreachable; this message can no longer go.
      if (error.errcode === 45015) {
        log.info({ errcode: error.errcode }, 'customer-service window closed: custom message dropped');
        return;
      }
      if (error.action === 'memberUnreachable') {
        await markFollowerUnreachable(system.dataSource, payload.openid, error.errcode === 43004 ? 'unsubscribed' : 'invalid_openid');
        log.info({ errcode: error.errcode }, 'follower unreachable: custom message dropped');
        return;
      }
      // Retrying unchanged cannot help these (45047 limit, bad input).
      if (!['retryWithBackoff', 'refreshTokenAndRetry', 'unknownOutcome'].includes(error.action)) await job.discard();
      throw error;
    }
  }
}

/** The task instance the worker registers and callers schedule. */
export const sendCustomMessageTask = new SendCustomMessageTask();
