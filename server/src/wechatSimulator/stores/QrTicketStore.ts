import { randomBytes } from 'node:crypto';
import type { SimClock } from '../core/SimClock';

/** A parametric QR code ticket. */
export interface QrTicket {
  ticket: string;
  /** scene_id as digits, or scene_str. */
  scene: string;
  permanent: boolean;
  /** Epoch ms; absent for permanent codes. */
  expiresAt?: number;
  /** What the QR code itself encodes. */
  url: string;
}

/** Tickets created by qrcode/create, for the image endpoint and for scan pushes. */
export class QrTicketStore {
  private readonly tickets = new Map<string, QrTicket>();

  constructor(private readonly clock: SimClock) {}

  /** Creates a ticket; temporary ones expire after `expireSeconds`. */
  create(scene: string, permanent: boolean, expireSeconds: number): QrTicket {
    const id = randomBytes(12).toString('base64url');
    const ticket: QrTicket = {
      // WeChat tickets are base64 and need URL-encoding; keep that property.
      ticket: `gQ${randomBytes(30).toString('base64')}==`,
      scene,
      permanent,
      expiresAt: permanent ? undefined : this.clock.now() + expireSeconds * 1000,
      url: `http://weixin.qq.com/q/${id}`,
    };
    this.tickets.set(ticket.ticket, ticket);
    return ticket;
  }

  /** A live ticket (expired temporary tickets are gone). */
  get(ticket: string): QrTicket | undefined {
    const found = this.tickets.get(ticket);
    if (found?.expiresAt !== undefined && this.clock.now() >= found.expiresAt) return undefined;
    return found;
  }

  /** Permanent codes created so far (WeChat allows 100 000). */
  permanentCount(): number {
    return [...this.tickets.values()].filter((ticket) => ticket.permanent).length;
  }

  /** Forgets every ticket. */
  reset(): void {
    this.tickets.clear();
  }
}
