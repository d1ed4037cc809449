import type { Logger } from '../logging/createLogger';
import type { System } from '../system/System';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import { Campaign } from './Campaign';
import { CampaignRun } from './CampaignRun';
import { campaignCompletion } from './campaignCompletion';
import { ACTIVE_STATES } from './campaignRecords';
import { campaignPauser, campaignStopper } from './campaignStateChanges';
import { sendableAt } from './quietHours';
import type { SendOutcome } from './campaignSender';

/**
 * Sends a run's mass message to the campaign's WeChat tag once, and marks every pending
 * record of the run sent with WeChat's msg_id (WeChat itself drops followers over their
 * four a month; the planner already skipped the ones we know of). In quiet hours it sends
 * nothing and says when to wake (the caller delays the job until then); 45028 pauses, a
 * campaign-stopping error stops.
 */
export async function campaignMassSender({
  system,
  runId,
  generation,
  lastAttempt,
  log,
}: {
  system: System;
  runId: string;
  generation: number;
  lastAttempt: boolean;
  log: Logger;
}): Promise<SendOutcome> {
  const run = await system.dataSource.getRepository(CampaignRun).findOneBy({ id: runId });
  const campaign = run ? await system.dataSource.getRepository(Campaign).findOneBy({ id: run.campaignId }) : null;
  if (!run || !campaign || campaign.generation !== generation || !ACTIVE_STATES.has(campaign.state)) return { kind: 'done' };
  const now = new Date();
  const wakeAt = sendableAt(now, campaign.quietHours, system.config.membership.timeZone);
  if (wakeAt > now) return { kind: 'wait', wakeAt: wakeAt.getTime() };
  const [tag] = (await system.dataSource.query('SELECT wechat_tag_id FROM tags WHERE id = ?', [campaign.content.tagId])) as Array<{ wechat_tag_id: number | null }>;
  if (!tag?.wechat_tag_id) {
    await campaignStopper({ system, campaignId: campaign.id, reason: '标签已不再同步到微信，无法群发' });
    return { kind: 'done' };
  }
  try {
    const job = await system.wechat.oa.massSendToTag({
      tagId: tag.wechat_tag_id,
      content: { type: 'text', text: campaign.content.variants[0]?.text ?? '' },
      clientMsgId: `tcm-${runId}`,
    });
    await system.dataSource.query("UPDATE campaign_sends SET state = 'sent', sent_at = ?, wechat_msg_id = ? WHERE run_id = ? AND state = 'pending'", [
      new Date(),
      job.msgId,
      runId,
    ]);
  } catch (error) {
    if (!(error instanceof WechatApiError)) throw error;
    log.warn({ runId, errcode: error.errcode, action: error.action }, 'mass send refused');
    if (error.action === 'pauseUntilTomorrow') {
      await campaignPauser({ system, campaignId: campaign.id, untilTomorrow: true });
      return { kind: 'done' };
    }
    const retryable = ['retryWithBackoff', 'refreshTokenAndRetry', 'unknownOutcome', 'slowDown'].includes(error.action);
    if (retryable && !lastAttempt) throw error;
    await campaignStopper({ system, campaignId: campaign.id, reason: `微信拒绝群发（错误码 ${error.errcode ?? '无'}：${error.errmsg}）` });
    return { kind: 'done' };
  }
  await campaignCompletion({ dataSource: system.dataSource, runId });
  return { kind: 'done' };
}
