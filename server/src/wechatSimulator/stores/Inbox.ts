/** One message a simulated user received (or was meant to). */
export interface InboxEntry {
  seq: number;
  at: number;
  openid: string;
  app: 'oa' | 'mp';
  kind: 'template' | 'custom' | 'subscribe' | 'mass';
  /** WeChat's id for it, when it has one (template msgid, mass msg_id...). */
  msgId?: string;
  templateId?: string;
  /** The request body that produced it. */
  payload: unknown;
  /** What happened to it: delivered, or why not. */
  status: string;
}

/** What each user was sent: lets tests check that a deduplicated send arrived once. */
export class Inbox {
  private readonly entries: InboxEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 50_000) {}

  /** Records a message. */
  add(entry: Omit<InboxEntry, 'seq'>): InboxEntry {
    this.seq += 1;
    const stored = { ...entry, seq: this.seq };
    this.entries.push(stored);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return stored;
  }

  /** Messages of one user (everyone's when omitted), oldest first. */
  list(openid?: string): InboxEntry[] {
    return openid ? this.entries.filter((entry) => entry.openid === openid) : [...this.entries];
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.length = 0;
  }
}
