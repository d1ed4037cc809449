import type { SimContext } from '../SimContext';
import type { PushRecord } from '../push/PushService';
import type { PushMode } from '../simulatorOptions';
import { pushFromUser } from './pushFromUser';

/** Thrown when a scanned ticket does not exist or has expired. */
export class UnknownTicketError extends Error {}

/**
 * A user scans a parametric QR code: a non-follower follows (`subscribe`,
 * EventKey `qrscene_<scene>`), a follower gets `SCAN` (EventKey `<scene>`); both carry Ticket.
 */
export function scanQrCode(context: SimContext, openid: string, ticket: string, mode?: PushMode): Promise<PushRecord> {
  const found = context.qrTickets.get(ticket);
  if (!found) throw new UnknownTicketError(`unknown or expired ticket ${ticket}`);
  const following = context.followers.get(openid)?.subscribed === true;
  return pushFromUser(context, {
    openid,
    msgType: 'event',
    event: following ? 'SCAN' : 'subscribe',
    eventKey: following ? found.scene : `qrscene_${found.scene}`,
    ticket: found.ticket,
    mode,
  });
}
