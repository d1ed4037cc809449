/** One API call as the simulator saw and answered it. */
export interface RecordedCall {
  seq: number;
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, or the raw text when it was not JSON, or null when empty. */
  body: unknown;
  answer: RecordedAnswer;
}

/** What the simulator answered: JSON (64-bit ids as strings), an image, or a dropped socket. */
export type RecordedAnswer =
  | { kind: 'json'; body: unknown }
  | { kind: 'binary'; contentType: string; bytes: number }
  | { kind: 'dropped' };

/** Every WeChat API call in order, bounded so long benchmark runs do not grow without end. */
export class CallLog {
  private readonly calls: RecordedCall[] = [];
  private seq = 0;

  constructor(private readonly capacity = 20_000) {}

  /** Appends a call. */
  record(call: Omit<RecordedCall, 'seq'>): void {
    this.seq += 1;
    this.calls.push({ ...call, seq: this.seq });
    if (this.calls.length > this.capacity) this.calls.splice(0, this.calls.length - this.capacity);
  }

  /** Calls to `path` (all calls when omitted), oldest first. */
  list(path?: string): RecordedCall[] {
    return path ? this.calls.filter((call) => call.path === path) : [...this.calls];
  }

  /** Forgets every call. */
  clear(): void {
    this.calls.length = 0;
  }
}
