import { z } from 'zod';
import type { SimContext } from '../SimContext';
import { pushFromUser } from '../actions/pushFromUser';
import type { UserPushInput } from '../actions/pushFromUser';
import { scanQrCode, UnknownTicketError } from '../actions/scanQrCode';
import { verifyCallback } from '../actions/verifyCallback';
import type { PushRecord } from '../push/PushService';
import type { ControlRoute } from './controlRoute';
import { controlRoute, ControlError } from './controlRoute';

const mode = z.enum(['plain', 'safe', 'compatible']).optional();
const openid = z.string().min(1).max(128);

const pushBody = z.union([
  z.object({ openid, xml: z.string().min(1), encrypt: z.boolean().optional(), mode }),
  z.object({
    openid,
    msgType: z.enum(['text', 'image', 'event']).optional(),
    content: z.string().max(2048).optional(),
    picUrl: z.string().optional(),
    mediaId: z.string().optional(),
    event: z.string().min(1).optional(),
    eventKey: z.string().optional(),
    ticket: z.string().optional(),
    menuId: z.string().optional(),
    encrypt: z.boolean().optional(),
    mode,
  }),
]);

/** What the control API tells about a finished push. */
export function pushView(record: PushRecord): Record<string, unknown> {
  return {
    outcome: record.outcome,
    userSees: record.userSees,
    deliveries: record.deliveries,
    status: record.status,
    body: record.body,
    mode: record.mode,
    // In safe mode the body is the encrypted envelope; this is what it said.
    decryptedReply: record.mode === 'plain' ? undefined : record.replyXml,
    reply: record.reply,
    problem: record.problem,
    msgId: record.fields.MsgId,
    xml: record.xml,
    attempts: record.attempts,
  };
}

function requireCallback(context: SimContext): void {
  if (!context.settings.callbackUrl) throw new ControlError(409, 'no_callback', 'callbackUrl is not set (POST /__sim/config)');
}

/**
 * The user's side of the official account: `POST /__sim/push` (a message or event, delivered
 * with WeChat's retries; answers once WeChat would be done), `POST /__sim/scan {openid, ticket}`
 * and `POST /__sim/verify-callback` (the console's URL check).
 */
export function pushControl(context: SimContext): ControlRoute[] {
  return [
    controlRoute('POST', '/__sim/push', pushBody, async (body) => {
      requireCallback(context);
      const input: UserPushInput =
        'xml' in body ? body : { ...body, msgType: body.msgType ?? (body.event ? 'event' : 'text') };
      return { body: pushView(await pushFromUser(context, input)) };
    }),
    controlRoute('POST', '/__sim/scan', z.object({ openid, ticket: z.string().min(1), mode }), async (body) => {
      requireCallback(context);
      try {
        return { body: pushView(await scanQrCode(context, body.openid, body.ticket, body.mode)) };
      } catch (error) {
        if (error instanceof UnknownTicketError) throw new ControlError(404, 'unknown_ticket', error.message);
        throw error;
      }
    }),
    controlRoute('POST', '/__sim/verify-callback', z.object({ url: z.string().url().optional() }), async (body) => {
      const url = body.url ?? context.settings.callbackUrl;
      if (!url) throw new ControlError(409, 'no_callback', 'callbackUrl is not set');
      return { body: await verifyCallback(context, url) };
    }),
  ];
}
