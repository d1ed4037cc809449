import type { GatewayContext } from './GatewayContext';
import { callJson } from './GatewayContext';
import { optionalId } from './wechatFields';

/** A mini-program subscribe message (one grant from `wx.requestSubscribeMessage`, one send). */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** Values by key, e.g. `{ thing1: '...', time2: '2025-01-01 10:00' }`. */
  data: Record<string, string>;
  page?: string;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

/** Messages the mini-program sends. */
export interface MiniProgramMessages {
  /**
   * `message/subscribe/send`; 43101 (action `reauthorise`) when the member has no grant
   * left, 47003 (`rejectInput`) when a value breaks its field's rules.
   */
  sendSubscribeMessage(message: SubscribeMessage): Promise<{ msgId: string | null }>;
}

/** Mini-program subscribe messages (hand-written: wechat-api predates them). */
export function createMiniProgramMessages(context: GatewayContext): MiniProgramMessages {
  return {
    async sendSubscribeMessage(message) {
      const json = await callJson(context, {
        method: 'POST',
        path: '/cgi-bin/message/subscribe/send',
        idempotent: false,
        body: {
          touser: message.openid,
          template_id: message.templateId,
          page: message.page,
          data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
          miniprogram_state: message.miniprogramState ?? 'formal',
          lang: message.lang ?? 'zh_CN',
        },
      });
      return { msgId: optionalId(json, 'msgid') };
    },
  };
}
