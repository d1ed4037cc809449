import type { OfficialAccountContext } from './GatewayContext';
import { callJson, callLegacy } from './GatewayContext';
import { LegacyRequestBuilder } from './LegacyRequestBuilder';
import { requireIdString } from './parseWechatJson';

/** A mini-program page a message opens. */
export interface MiniProgramTarget {
  appId: string;
  pagePath?: string;
}

/** A template message (2023 rules: fields ≤ 20 characters, no colours, no first/remark lines). */
export interface TemplateMessage {
  openid: string;
  templateId: string;
  /** Field values by template key, e.g. `{ thing1: '积分到账', amount2: '100' }`. */
  data: Record<string, string>;
  url?: string;
  /** Wins over `url` when both are set. */
  miniProgram?: MiniProgramTarget;
  /**
   * Idempotency key (`client_msg_id`): WeChat sends once per openid and key within 10
   * minutes. Always set it for campaigns: it is the only safe way to retry a timeout.
   */
  clientMsgId?: string;
}

/** A subscription notice of the official account (`subscribe/bizsend`): one grant, one send. */
export interface SubscriptionNotice {
  openid: string;
  templateId: string;
  /** Values by key, e.g. `{ thing1: '...', number2: '3' }` (thing ≤ 20, number ≤ 32 chars). */
  data: Record<string, string>;
  page?: string;
  miniProgram?: MiniProgramTarget;
}

/** A mini-program card (customer-service `miniprogrampage`): the page opens when it is tapped. */
export interface MiniProgramCard {
  title: string;
  /** The mini-program's appid; WeChat requires it to be linked to the official account. */
  appId: string;
  /** A page of the mini-program, with its query (`pages/card/index?tab=points`). */
  pagePath: string;
  /** The card's picture: the media id of an image uploaded to the official account. */
  thumbMediaId: string;
}

/** Messages the official account sends to one member. */
export interface OfficialAccountMessages {
  /** `message/template/send` → the 64-bit `msgid` (exact string) that TEMPLATESENDJOBFINISH reports. */
  sendTemplate(message: TemplateMessage): Promise<{ msgId: string }>;
  /** `message/subscribe/bizsend`; 43101 (action `reauthorise`) when the member has no grant left. */
  sendSubscriptionNotice(notice: SubscriptionNotice): Promise<void>;
  /** Customer-service text (`message/custom/send`), within 48 h of the member's last interaction. */
  sendCustomText(openid: string, text: string): Promise<void>;
  /** Customer-service image by media id. */
  sendCustomImage(openid: string, mediaId: string): Promise<void>;
  /** Customer-service mini-program card (wechat-api cannot build it: a hand-written call). */
  sendCustomMiniProgramCard(openid: string, card: MiniProgramCard): Promise<void>;
}

function valueMap(data: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value }]));
}

function miniProgramBody(target: MiniProgramTarget | undefined): { appid: string; pagepath?: string } | undefined {
  return target ? { appid: target.appId, pagepath: target.pagePath } : undefined;
}

/** The official account's one-to-one messages. */
export function createOfficialAccountMessages(context: OfficialAccountContext): OfficialAccountMessages {
  const done = LegacyRequestBuilder.done;
  return {
    async sendTemplate(message) {
      const json = await callLegacy(
        context,
        {
          path: '/cgi-bin/message/template/send',
          idempotent: false,
          clientMsgId: message.clientMsgId,
          extraBody: message.clientMsgId === undefined ? undefined : { client_msg_id: message.clientMsgId },
        },
        (api) =>
          api._sendTemplate(
            message.openid,
            message.templateId,
            { url: message.url, miniprogram: miniProgramBody(message.miniProgram) },
            valueMap(message.data),
            done,
          ),
      );
      return { msgId: requireIdString(json.msgid, 'msgid') };
    },

    async sendSubscriptionNotice(notice) {
      await callJson(context, {
        method: 'POST',
        path: '/cgi-bin/message/subscribe/bizsend',
        idempotent: false,
        body: {
          touser: notice.openid,
          template_id: notice.templateId,
          page: notice.page,
          miniprogram: miniProgramBody(notice.miniProgram),
          data: valueMap(notice.data),
        },
      });
    },

    async sendCustomText(openid, text) {
      await callLegacy(context, { path: '/cgi-bin/message/custom/send', idempotent: false }, (api) =>
        api._sendText(openid, text, done),
      );
    },

    async sendCustomImage(openid, mediaId) {
      await callLegacy(context, { path: '/cgi-bin/message/custom/send', idempotent: false }, (api) =>
        api._sendImage(openid, mediaId, done),
      );
    },

    async sendCustomMiniProgramCard(openid, card) {
      await callJson(context, {
        method: 'POST',
        path: '/cgi-bin/message/custom/send',
        idempotent: false,
        body: {
          touser: openid,
          msgtype: 'miniprogrampage',
          miniprogrampage: { title: card.title, appid: card.appId, pagepath: card.pagePath, thumb_media_id: card.thumbMediaId },
        },
      });
    },
  };
}
