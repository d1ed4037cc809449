import { buildWechatXml } from '../push/buildWechatXml';
import type { PushRecord } from '../push/PushService';
import type { SimContext } from '../SimContext';

/** What the user chose in the official account's subscription popup. */
export interface SubscribePopupChoice {
  openid: string;
  templateId: string;
  accept: boolean;
  /** 1 = from an H5 page, 2 = from an article (WeChat's PopupScene). */
  popupScene?: 1 | 2;
}

/**
 * A follower answers the OA subscription-notice popup: accepting adds one bizsend grant;
 * either way WeChat pushes `subscribe_msg_popup_event` with the template's status.
 */
export function answerSubscribePopup(context: SimContext, choice: SubscribePopupChoice): Promise<PushRecord> {
  if (choice.accept) context.grants.grant('oa', choice.openid, choice.templateId);
  const xml = buildWechatXml({
    ToUserName: context.apps.oa.originalId,
    FromUserName: choice.openid,
    CreateTime: context.clock.nowSeconds(),
    MsgType: 'event',
    Event: 'subscribe_msg_popup_event',
    SubscribeMsgPopupEvent: {
      List: {
        TemplateId: choice.templateId,
        SubscribeStatusString: choice.accept ? 'accept' : 'reject',
        PopupScene: String(choice.popupScene ?? 2),
      },
    },
  });
  return context.push.deliver({ app: 'oa', xml, openid: choice.openid });
}
