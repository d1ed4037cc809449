import type { SimClock } from '../core/SimClock';
import { DedupCache } from './DedupCache';

/** One mass-send job. */
export interface MassJob {
  msgId: string;
  msgDataId: string;
  clientMsgId?: string;
  createdAt: number;
  msgType: string;
  recipients: string[];
  status: 'SENDING' | 'SEND_SUCCESS';
  totalCount: number;
  filterCount: number;
  sentCount: number;
  errorCount: number;
}

/** Mass-send jobs and the 24-hour clientmsgid memory. */
export class MassSendStore {
  private readonly jobs = new Map<string, MassJob>();
  readonly byClientMsgId: DedupCache<string>;
  private nextMsgId = 1_000_000_001;
  private nextDataId = 2_247_483_647;

  constructor(clock: SimClock) {
    this.byClientMsgId = new DedupCache(clock);
  }

  /** Registers a job and hands out its ids. */
  create(job: Omit<MassJob, 'msgId' | 'msgDataId'>): MassJob {
    const stored: MassJob = { ...job, msgId: String(this.nextMsgId++), msgDataId: String(this.nextDataId++) };
    this.jobs.set(stored.msgId, stored);
    return stored;
  }

  /** A job by msg_id. */
  get(msgId: string): MassJob | undefined {
    return this.jobs.get(msgId);
  }

  /** Every job, oldest first. */
  list(): MassJob[] {
    return [...this.jobs.values()];
  }

  /** Forgets every job. */
  reset(): void {
    this.jobs.clear();
    this.byClientMsgId.clear();
    this.nextMsgId = 1_000_000_001;
  }
}
