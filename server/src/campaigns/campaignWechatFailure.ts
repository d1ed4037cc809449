import type { Logger } from '../logging/createLogger';
import { runInTransaction } from '../db/runInTransaction';
import { markFollowerUnreachable } from '../officialAccount/followers/markFollowerUnreachable';
import type { System } from '../system/System';
import type { WechatApiError } from '../wechat/gateway/WechatApiError';
import { WECHAT_ERROR_ACTIONS } from '../wechat/gateway/wechatErrorActions';
import type { Campaign } from './Campaign';
import type { CampaignSend } from './CampaignSend';
import { resendable } from './campaignSendClaim';
import { campaignPauser, campaignStopper } from './campaignStateChanges';

/** The customer-service window closed: the member is fine, only this channel cannot reach them now. */
const WINDOW_CLOSED = 45015;

async function settle(system: System, send: CampaignSend, state: 'skipped' | 'failed', error: WechatApiError, skipReason: string | null): Promise<void> {
  await system.dataSource.query(
    "UPDATE campaign_sends SET state = ?, skip_reason = ?, error_code = ?, error_message = ? WHERE id = ? AND state = 'pending'",
    [state, skipReason, error.errcode, error.errmsg.slice(0, 255), send.id],
  );
}

/**
 * What a WeChat failure does to a campaign, by the gateway's action: an unreachable member
 * is skipped (and marked unreachable) while the campaign goes on; a spent daily quota
 * pauses the campaign until the next day; a campaign-stopping error stops it with the
 * reason; a transient error is rethrown so that Bull retries (recorded as failed on the
 * last attempt), and so is an unknown outcome where the retry carries the same
 * client_msg_id (templates): on the other channels it may have gone out, so it fails
 * rather than risk a second message.
 */
export async function campaignWechatFailure({
  system,
  campaign,
  send,
  error,
  lastAttempt,
  log,
}: {
  system: System;
  campaign: Campaign;
  send: CampaignSend;
  error: WechatApiError;
  lastAttempt: boolean;
  log: Logger;
}): Promise<void> {
  switch (error.action) {
    case 'memberUnreachable':
      if (error.errcode === WINDOW_CLOSED) return settle(system, send, 'skipped', error, 'outside_48h_window');
      await runInTransaction(system.dataSource, async (manager) => {
        await markFollowerUnreachable(manager, send.openid!, error.errcode === 43004 ? 'unsubscribed' : 'invalid_openid');
      });
      return settle(system, send, 'skipped', error, 'unreachable');
    case 'reauthorise':
      await system.dataSource.query('UPDATE oa_subscribe_grants SET remaining = 0 WHERE openid = ? AND template_id = ?', [send.openid, campaign.content.templateId]);
      return settle(system, send, 'skipped', error, 'no_subscribe_grant');
    case 'alreadyDone':
      // WeChat already accepted this very request (a repeated idempotency key): it went out.
      await system.dataSource.query("UPDATE campaign_sends SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'pending'", [new Date(), send.id]);
      return;
    case 'pauseUntilTomorrow':
      // The record stays pending: the resume re-enqueues it.
      log.warn({ campaignId: campaign.id, errcode: error.errcode }, 'daily quota spent: pausing the campaign until tomorrow');
      await campaignPauser({ system, campaignId: campaign.id, untilTomorrow: true });
      return;
    case 'stopCampaign': {
      const meaning = error.errcode === null ? error.errmsg : (WECHAT_ERROR_ACTIONS[error.errcode]?.meaning ?? error.errmsg);
      await settle(system, send, 'failed', error, null);
      await campaignStopper({ system, campaignId: campaign.id, reason: `微信拒绝发送（错误码 ${error.errcode ?? '无'}：${meaning}），活动已停止，请检查模板或公众号权限` });
      return;
    }
    case 'unknownOutcome':
      // It may have gone out: only a call with an idempotency key may be made again.
      if (!lastAttempt && resendable(campaign)) throw error;
      return settle(system, send, 'failed', error, null);
    case 'retryWithBackoff':
    case 'refreshTokenAndRetry':
    case 'slowDown':
      if (!lastAttempt) throw error;
      return settle(system, send, 'failed', error, null);
    case 'rejectInput':
    case 'fail':
      return settle(system, send, 'failed', error, null);
  }
}
