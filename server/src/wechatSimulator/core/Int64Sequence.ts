/**
 * Hands out increasing 64-bit ids as decimal strings. Template msgids and text MsgIds
 * start above 2^53 so that clients that parse them as JS numbers visibly break.
 */
export class Int64Sequence {
  private next: bigint;

  constructor(
    private readonly start: bigint,
    private readonly step: bigint,
  ) {
    this.next = start;
  }

  /** The next id, as digits. */
  nextId(): string {
    const id = this.next;
    this.next += this.step;
    return id.toString();
  }

  /** Starts again from the first id (simulator reset). */
  reset(): void {
    this.next = this.start;
  }
}
