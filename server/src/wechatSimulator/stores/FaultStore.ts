/** A fault to inject on one API path. */
export interface FaultSpec {
  path: string;
  /** Answer this errcode instead of doing the work (e.g. -1 "system error"). */
  errcode?: number;
  errmsg?: string;
  /** Share of matching calls affected, 0..1 (default 1); applied evenly, not at random. */
  rate?: number;
  /** Delay before the answer, in ms (the work itself is done first, like a slow WeChat). */
  latencyMs?: number;
  /** How many calls to affect before the fault removes itself (default: unlimited). */
  count?: number;
  /** Close the socket without an answer (a network failure). */
  drop?: boolean;
  /** With `drop` or `latencyMs`: do the work first, so the outcome is unknown to the client. */
  processFirst?: boolean;
}

/** A registered fault with its bookkeeping. */
export interface ActiveFault extends FaultSpec {
  id: number;
  applied: number;
  /** Accumulates `rate` per call; the fault fires each time it reaches 1 (deterministic). */
  credit: number;
}

/** Faults injected through `/__sim/faults`, matched by exact path. */
export class FaultStore {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  /** Registers a fault and returns it. */
  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { ...spec, id: this.nextId++, applied: 0, credit: 0 };
    this.faults.push(fault);
    return fault;
  }

  /** The fault that fires for this call of `path`, if any (counting it as applied). */
  take(path: string): ActiveFault | undefined {
    for (const fault of this.faults) {
      if (fault.path !== path) continue;
      fault.credit += fault.rate ?? 1;
      if (fault.credit < 1) continue;
      fault.credit -= 1;
      fault.applied += 1;
      if (fault.count !== undefined && fault.applied >= fault.count) this.faults = this.faults.filter((f) => f !== fault);
      return fault;
    }
    return undefined;
  }

  /** The faults still active. */
  list(): ActiveFault[] {
    return [...this.faults];
  }

  /** Removes every fault (or those of one path). */
  clear(path?: string): void {
    this.faults = path ? this.faults.filter((fault) => fault.path !== path) : [];
  }
}
