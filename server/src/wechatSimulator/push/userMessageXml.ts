import type { SimApp } from '../SimContext';
import { buildWechatXml } from './buildWechatXml';
import type { XmlFields } from './buildWechatXml';

/** Something a user does that WeChat pushes to our server. */
export interface UserMessageInput {
  openid: string;
  msgType: 'text' | 'image' | 'event';
  content?: string;
  picUrl?: string;
  mediaId?: string;
  /** subscribe, unsubscribe, SCAN, CLICK, VIEW, or any other event name. */
  event?: string;
  eventKey?: string;
  ticket?: string;
  menuId?: string;
}

/**
 * The XML WeChat posts for a user message or event: strings in CDATA, CreateTime in
 * seconds, a bare 64-bit MsgId on messages (events have none).
 */
export function userMessageXml(app: SimApp, input: UserMessageInput, msgId: string, nowSeconds: number): string {
  const fields: XmlFields = { ToUserName: app.originalId, FromUserName: input.openid, CreateTime: nowSeconds, MsgType: input.msgType };
  if (input.msgType === 'text') {
    fields.Content = input.content ?? '';
    fields.MsgId = { raw: msgId };
  } else if (input.msgType === 'image') {
    fields.PicUrl = input.picUrl ?? 'http://mmbiz.qpic.cn/sim/0';
    fields.MediaId = input.mediaId ?? `sim_media_${msgId}`;
    fields.MsgId = { raw: msgId };
  } else {
    fields.Event = input.event ?? 'subscribe';
    if (input.eventKey !== undefined) fields.EventKey = input.eventKey;
    if (input.ticket !== undefined) fields.Ticket = input.ticket;
    if (input.menuId !== undefined) fields.MenuId = input.menuId;
  }
  return buildWechatXml(fields);
}
