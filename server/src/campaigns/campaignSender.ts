import type { Logger } from '../logging/createLogger';
import { runInTransaction } from '../db/runInTransaction';
import { recordTemplateSend } from '../officialAccount/templateSends/templateSendRecords';
import type { TemplateSendResult } from '../officialAccount/templateSends/templateSendRecords';
import { applyCampaignDelivery } from './campaignDeliveryListener';
import { trackedVariantLinks } from '../campaignResults/clickTokens';
import type { System } from '../system/System';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import type { Campaign } from './Campaign';
import { CampaignSend } from './CampaignSend';
import { campaignCompletion } from './campaignCompletion';
import { campaignSendRateLimiter } from './campaignSendRateLimiter';
import { campaignForSends } from './campaignContentCache';
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

const ACTIVE_SQL = "'scheduled', 'planning', 'sending'";

/**
 * Claims the record for one attempt: one guarded UPDATE counts the attempt only if the
 * record is still pending and its campaign active in this generation. It is the atomic
 * equivalent of locking the record (FOR UPDATE), checking and updating it, in one round
 * trip instead of six on the hottest path of a campaign; committed before the call, so a
 * crash after it leaves a visible attempt and the retry reuses the stored client_msg_id.
 */
async function claim(input: CampaignSendInput, now: Date): Promise<{ send: CampaignSend; campaign: Campaign } | { wakeAt: number } | null> {
  const { system } = input;
  const send = await system.dataSource.getRepository(CampaignSend).findOneBy({ id: input.sendId });
  if (!send || send.state !== 'pending' || !send.openid) return null;
  const campaign = await campaignForSends(system, send.campaignId);
  if (!campaign) return null;
  const wakeAt = sendableAt(now, campaign.quietHours, system.config.membership.timeZone);
  if (wakeAt > now) {
    const [current] = (await system.dataSource.query('SELECT state, generation FROM campaigns WHERE id = ?', [campaign.id])) as Array<{ state: string; generation: number }>;
    return current && current.generation === input.generation && ACTIVE_STATES.has(current.state) ? { wakeAt: wakeAt.getTime() } : null;
  }
  const claimed = (await system.dataSource.query(
    `UPDATE campaign_sends cs JOIN campaigns c ON c.id = cs.campaign_id SET cs.attempts = cs.attempts + 1
     WHERE cs.id = ? AND cs.state = 'pending' AND c.generation = ? AND c.state IN (${ACTIVE_SQL})`,
    [send.id, input.generation],
  )) as { affectedRows: number };
  if (claimed.affectedRows === 1) return { send, campaign };
  // Planned just as the campaign was cancelled: counted with the other cancelled sends.
  await system.dataSource.query(
    `UPDATE campaign_sends cs JOIN campaigns c ON c.id = cs.campaign_id SET cs.state = 'skipped', cs.skip_reason = 'cancelled'
     WHERE cs.id = ? AND cs.state = 'pending' AND c.state = 'cancelled'`,
    [send.id],
  );
  return null;
}

/**
 * Takes the send's slot of `campaigns.sendRate` after the claim and right before the call,
 * so that the limit counts calls, not jobs. A send that had to wait re-checks its campaign:
 * paused, cancelled or resumed under a new generation while it slept, it steps aside
 * without calling (the slot is lost, the limit never exceeded) and gives back the attempt it
 * counted, leaving the record pending for the resume (or already skipped by the cancel).
 */
async function takeSendSlot(system: System, send: CampaignSend, generation: number): Promise<boolean> {
  const { waitedMs } = await campaignSendRateLimiter(system).acquire();
  if (waitedMs === 0) return true;
  const [current] = (await system.dataSource.query('SELECT state, generation FROM campaigns WHERE id = ?', [send.campaignId])) as Array<{ state: string; generation: number }>;
  if (current && current.generation === generation && ACTIVE_STATES.has(current.state)) return true;
  await system.dataSource.query('UPDATE campaign_sends SET attempts = attempts - 1 WHERE id = ? AND attempts > 0', [send.id]);
  return false;
}

/** Calls WeChat for one member on the campaign's channel; resolves with the template msgid when there is one. */
async function deliver(system: System, campaign: Campaign, send: CampaignSend): Promise<string | null> {
  const variant = campaign.content.variants[send.variant] ?? campaign.content.variants[0]!;
  const openid = send.openid!;
  const data = send.fields ?? variant.fields ?? {};
  // Each member's links carry a signed token of their send, so that clicks are counted per member.
  const links = trackedVariantLinks(system.config, { sendId: send.id, url: variant.url, miniProgramPage: variant.miniProgramPage });
  const miniProgram = links.miniProgramPage ? { appId: system.config.wechat.mp.appId, pagePath: links.miniProgramPage } : undefined;
  switch (campaign.channel) {
    case 'template': {
      const { msgId } = await system.wechat.oa.sendTemplate({
        openid,
        templateId: campaign.content.templateId!,
        data,
        url: links.url,
        miniProgram,
        clientMsgId: send.clientMsgId,
      });
      return msgId;
    }
    case 'subscribe':
      await system.wechat.oa.sendSubscriptionNotice({ openid, templateId: campaign.content.templateId!, data, page: links.url, miniProgram });
      return null;
    case 'custom_service':
      await system.wechat.oa.sendCustomText(openid, variant.text ?? '');
      return null;
    case 'mass_tag':
      throw new Error('mass sends go through CampaignMassSendTask');
  }
}

/**
 * Sends one member's campaign message exactly once: claims the record (skipped unless it
 * is pending and its campaign active), which records the attempt, takes a slot of the
 * send rate (see takeSendSlot), calls WeChat, and records the
 * outcome (a template's msgid is registered so that TEMPLATESENDJOBFINISH marks it
 * delivered). Failures are mapped by their gateway action (see campaignWechatFailure);
 * those worth retrying are rethrown for Bull to retry with the same client_msg_id.
 */
export async function campaignSender(input: CampaignSendInput): Promise<SendOutcome> {
  const { system } = input;
  const now = input.now ?? new Date();
  const claimed = await claim(input, now);
  if (claimed === null) return { kind: 'done' };
  if ('wakeAt' in claimed) return { kind: 'wait', wakeAt: claimed.wakeAt };
  const { send, campaign } = claimed;
  if (!(await takeSendSlot(system, send, input.generation))) return { kind: 'done' };
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
      const resultCameFirst = await recordTemplateSend(manager, {
        msgId,
        openid: send.openid!,
        templateId: campaign.content.templateId!,
        source: 'campaign',
        sourceRef: send.id,
        sentAt,
      });
      if (resultCameFirst) {
        // The delivery result beat this commit: it was kept, apply it now.
        const [early] = (await manager.query('SELECT status, status_detail FROM wechat_template_sends WHERE msgid = ?', [msgId])) as Array<{
          status: TemplateSendResult['status'] | 'sent';
          status_detail: string | null;
        }>;
        if (early && early.status !== 'sent') {
          await applyCampaignDelivery(manager, { source: 'campaign', sourceRef: send.id, status: early.status, detail: early.status_detail ?? '' });
        }
      }
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
