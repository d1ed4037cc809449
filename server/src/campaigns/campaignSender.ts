import type { EntityManager } from 'typeorm';
import type { Logger } from '../logging/createLogger';
import { runInTransaction } from '../db/runInTransaction';
import { recordTemplateSend } from '../officialAccount/templateSends/templateSendRecords';
import type { TemplateSendResult } from '../officialAccount/templateSends/templateSendRecords';
import { applyCampaignDelivery } from './campaignDeliveryListener';
import type { System } from '../system/System';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import { Campaign } from './Campaign';
import { CampaignSend } from './CampaignSend';
import { campaignCompletion } from './campaignCompletion';
import { ACTIVE_STATES } from './campaignRecords';
import { campaignWechatFailure } from './campaignWechatFailure';
import { sendableAt } from './quietHours';

/** What {@link campaignSender} decided. */
export type SendOutcome =
  | { kind: 'done' }
  /** Quiet hours: the send waits until `wakeAt` (the caller enqueues it for then). */
  | { kind: 'wait'; wakeAt: number };

/** What {@link campaignSender} needs. */
export interface CampaignSendInput {
  system: System;
  sendId: string;
  generation: number;
  /** True on the job's last attempt: a failure that would be retried is recorded as final. */
  lastAttempt: boolean;
  log: Logger;
  now?: Date;
}

/** Claims the record: pending, of the current generation, campaign active, not in quiet hours; counts the attempt. */
async function claim(
  manager: EntityManager,
  input: CampaignSendInput,
  now: Date,
): Promise<{ send: CampaignSend; campaign: Campaign } | { wakeAt: number } | null> {
  const send = await manager.getRepository(CampaignSend).findOne({ where: { id: input.sendId }, lock: { mode: 'pessimistic_write' } });
  if (!send || send.state !== 'pending' || !send.openid) return null;
  const campaign = await manager.getRepository(Campaign).findOneBy({ id: send.campaignId });
  if (campaign?.state === 'cancelled') {
    // Planned just as the campaign was cancelled: counted with the other cancelled sends.
    await manager.query("UPDATE campaign_sends SET state = 'skipped', skip_reason = 'cancelled' WHERE id = ?", [send.id]);
    return null;
  }
  if (!campaign || campaign.generation !== input.generation || !ACTIVE_STATES.has(campaign.state)) return null;
  const wakeAt = sendableAt(now, campaign.quietHours, input.system.config.membership.timeZone);
  if (wakeAt > now) return { wakeAt: wakeAt.getTime() };
  // Written and committed before the call: a crash after it leaves a visible attempt, and
  // the retry carries the same stored client_msg_id.
  await manager.query('UPDATE campaign_sends SET attempts = attempts + 1 WHERE id = ?', [send.id]);
  return { send, campaign };
}

/** Calls WeChat for one member on the campaign's channel; resolves with the template msgid when there is one. */
async function deliver(system: System, campaign: Campaign, send: CampaignSend): Promise<string | null> {
  const variant = campaign.content.variants[send.variant] ?? campaign.content.variants[0]!;
  const openid = send.openid!;
  const data = send.fields ?? variant.fields ?? {};
  const miniProgram = variant.miniProgramPage ? { appId: system.config.wechat.mp.appId, pagePath: variant.miniProgramPage } : undefined;
  switch (campaign.channel) {
    case 'template': {
      const { msgId } = await system.wechat.oa.sendTemplate({
        openid,
        templateId: campaign.content.templateId!,
        data,
        url: variant.url,
        miniProgram,
        clientMsgId: send.clientMsgId,
      });
      return msgId;
    }
    case 'subscribe':
      await system.wechat.oa.sendSubscriptionNotice({ openid, templateId: campaign.content.templateId!, data, page: variant.url, miniProgram });
      return null;
    case 'custom_service':
      await system.wechat.oa.sendCustomText(openid, variant.text ?? '');
      return null;
    case 'mass_tag':
      throw new Error('mass sends go through CampaignMassSendTask');
  }
}

/**
 * Sends one member's campaign message exactly once: locks the record, skips it unless it
 * is pending and its campaign active, records the attempt, calls WeChat, and records the
 * outcome (a template's msgid is registered so that TEMPLATESENDJOBFINISH marks it
 * delivered). Failures are mapped by their gateway action (see campaignWechatFailure);
 * those worth retrying are rethrown for Bull to retry with the same client_msg_id.
 */
export async function campaignSender(input: CampaignSendInput): Promise<SendOutcome> {
  const { system } = input;
  const now = input.now ?? new Date();
  const claimed = await runInTransaction(system.dataSource, (manager) => claim(manager, input, now));
  if (claimed === null) return { kind: 'done' };
  if ('wakeAt' in claimed) return { kind: 'wait', wakeAt: claimed.wakeAt };
  const { send, campaign } = claimed;
  let msgId: string | null;
  try {
    msgId = await deliver(system, campaign, send);
  } catch (error) {
    if (!(error instanceof WechatApiError)) throw error;
    await campaignWechatFailure({ system, campaign, send, error, lastAttempt: input.lastAttempt, log: input.log });
    await campaignCompletion({ dataSource: system.dataSource, runId: send.runId });
    return { kind: 'done' };
  }
  const sentAt = new Date();
  await runInTransaction(system.dataSource, async (manager) => {
    // A cancel that came while the call was in flight marked it skipped; it did go out.
    await manager.query(
      `UPDATE campaign_sends SET state = 'sent', skip_reason = NULL, sent_at = ?, wechat_msg_id = ?, error_code = NULL, error_message = NULL
       WHERE id = ? AND (state = 'pending' OR skip_reason = 'cancelled')`,
      [sentAt, msgId, send.id],
    );
    if (msgId !== null) {
      await recordTemplateSend(manager, { msgId, openid: send.openid!, templateId: campaign.content.templateId!, source: 'campaign', sourceRef: send.id, sentAt });
      // The delivery result can beat this commit: it was kept, apply it now.
      const [early] = (await manager.query("SELECT status, status_detail FROM wechat_template_sends WHERE msgid = ? AND status <> 'sent'", [msgId])) as Array<{
        status: TemplateSendResult['status'];
        status_detail: string | null;
      }>;
      if (early) await applyCampaignDelivery(manager, { source: 'campaign', sourceRef: send.id, status: early.status, detail: early.status_detail ?? '' });
    }
    if (campaign.channel === 'subscribe') {
      await manager.query('UPDATE oa_subscribe_grants SET remaining = remaining - 1 WHERE openid = ? AND template_id = ? AND remaining > 0', [
        send.openid,
        campaign.content.templateId,
      ]);
    }
  });
  await campaignCompletion({ dataSource: system.dataSource, runId: send.runId });
  return { kind: 'done' };
}
