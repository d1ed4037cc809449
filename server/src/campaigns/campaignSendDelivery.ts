import { runInTransaction } from '../db/runInTransaction';
import { recordTemplateSend } from '../officialAccount/templateSends/templateSendRecords';
import type { TemplateSendResult } from '../officialAccount/templateSends/templateSendRecords';
import { trackedVariantLinks } from '../campaignResults/clickTokens';
import type { System } from '../system/System';
import type { Campaign } from './Campaign';
import type { CampaignSend } from './CampaignSend';
import { applyCampaignDelivery } from './campaignDeliveryListener';

/** Calls WeChat for one member on the campaign's channel; resolves with the template msgid when there is one. */
export async function deliverCampaignSend(system: System, campaign: Campaign, send: CampaignSend): Promise<string | null> {
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
 * Records a send that WeChat accepted: the record `sent` with its msgid, the template send
 * registered so that TEMPLATESENDJOBFINISH marks it delivered (applied at once when the
 * result beat this commit), and a subscribe grant used up, in one transaction.
 */
export async function recordCampaignSent(system: System, campaign: Campaign, send: CampaignSend, msgId: string | null): Promise<void> {
  const sentAt = new Date();
  await runInTransaction(system.dataSource, async (manager) => {
    // A cancel that came while the call was in flight marked it skipped; it did go out.
    await manager.query(
      `UPDATE campaign_sends SET state = 'sent', skip_reason = NULL, sent_at = ?, wechat_msg_id = ?, error_code = NULL, error_message = NULL, claimed_until = NULL
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
}
