import { z } from 'zod';
import { AppError } from '../../app/AppError';
import { issueDetails } from '../../app/validate';

const field = z.string().min(1).max(256);
const digits = z.string().regex(/^\d{1,20}$/);

const popupEntry = z.object({ TemplateId: z.string().min(1).max(64), SubscribeStatusString: z.string().max(32) });
const common = { ToUserName: field, FromUserName: z.string().min(1).max(64), CreateTime: digits };
const textSchema = z.object({ ...common, MsgType: z.literal('text'), Content: z.string().max(4096), MsgId: digits });
const eventSchema = z.object({
  ...common,
  MsgType: z.literal('event'),
  Event: z.string().min(1).max(64),
  EventKey: z.string().max(1024).optional(),
  Ticket: z.string().max(512).optional(),
  // TEMPLATESENDJOBFINISH (note the capital ID) and its Status.
  MsgID: digits.optional(),
  Status: z.string().max(128).optional(),
  // subscribe_msg_popup_event: one List per template (co-wechat makes several an array).
  SubscribeMsgPopupEvent: z.object({ List: z.union([popupEntry, z.array(popupEntry).max(20)]) }).optional(),
}).refine(
  (event) => event.Event.toUpperCase() !== 'TEMPLATESENDJOBFINISH' || (event.MsgID !== undefined && event.Status !== undefined),
  { message: 'TEMPLATESENDJOBFINISH needs MsgID and Status', path: ['MsgID'] },
);
const otherSchema = z.object({ ...common, MsgType: z.string().min(1).max(32), MsgId: digits.optional() });

/** The fields every push carries. */
interface InboundBase {
  openid: string;
  /** The account's original id (gh_...): replies come from it. */
  accountId: string;
  /** Seconds, as WeChat writes it. */
  createTime: number;
}

/** A follower's text message. */
export interface InboundText extends InboundBase {
  kind: 'text';
  msgId: string;
  content: string;
}

/** An event: follow, unfollow, scan, menu click, template result... */
export interface InboundEvent extends InboundBase {
  kind: 'event';
  /** As WeChat writes it (`subscribe`, `SCAN`, `CLICK`...); compare with {@link eventIs}. */
  event: string;
  eventKey: string;
  ticket: string | null;
  /** TEMPLATESENDJOBFINISH's MsgID (64-bit, kept as a string). */
  templateMsgId: string | null;
  status: string | null;
  /** subscribe_msg_popup_event: the follower's answer per template (`accept` or `reject`). */
  popupAnswers: Array<{ templateId: string; status: string }>;
}

/** Any other message (image, voice, location, link...): answered with the default help. */
export interface InboundOther extends InboundBase {
  kind: 'other';
  msgType: string;
  msgId: string | null;
}

/** One push from WeChat, checked and typed. */
export type InboundMessage = InboundText | InboundEvent | InboundOther;

/** WeChat writes some event names in lower case and some in upper case. */
export function eventIs(message: InboundEvent, name: string): boolean {
  return message.event.toLowerCase() === name.toLowerCase();
}

function invalid(error: z.ZodError): AppError {
  return new AppError(400, 'invalid_message', '消息缺少必要字段', issueDetails(error));
}

/** Checks co-wechat's parsed push; a push missing what its type needs is refused with 400. */
export function parseInboundMessage(raw: Record<string, unknown>): InboundMessage {
  const type = raw.MsgType;
  if (type === 'text') {
    const parsed = textSchema.safeParse(raw);
    if (!parsed.success) throw invalid(parsed.error);
    const m = parsed.data;
    return { kind: 'text', openid: m.FromUserName, accountId: m.ToUserName, createTime: Number(m.CreateTime), msgId: m.MsgId, content: m.Content };
  }
  if (type === 'event') {
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) throw invalid(parsed.error);
    const m = parsed.data;
    return {
      kind: 'event',
      openid: m.FromUserName,
      accountId: m.ToUserName,
      createTime: Number(m.CreateTime),
      event: m.Event,
      eventKey: m.EventKey ?? '',
      ticket: m.Ticket ?? null,
      templateMsgId: m.MsgID ?? null,
      status: m.Status ?? null,
      popupAnswers: [m.SubscribeMsgPopupEvent?.List ?? []]
        .flat()
        .map((entry) => ({ templateId: entry.TemplateId, status: entry.SubscribeStatusString })),
    };
  }
  const parsed = otherSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
  const m = parsed.data;
  return { kind: 'other', openid: m.FromUserName, accountId: m.ToUserName, createTime: Number(m.CreateTime), msgType: m.MsgType, msgId: m.MsgId ?? null };
}
