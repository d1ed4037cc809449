import { trackedVariantLinks } from '../campaignResults/clickTokens';
import type { System } from '../system/System';
import type { Campaign } from './Campaign';
import type { CampaignSend } from './CampaignSend';

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
