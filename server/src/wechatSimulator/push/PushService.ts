import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { SimClock } from '../core/SimClock';
import type { AppKind, SimApp } from '../SimContext';
import type { PushMode, RuntimeSettings } from '../simulatorOptions';
import type { ReplyAnalysis } from './analyzeReply';
import { analyzeReply } from './analyzeReply';
import { parseWechatXml } from './parseWechatXml';
import { postToCallback } from './postToCallback';
import type { CallbackResponse } from './postToCallback';
import { signPush } from './signPush';

/** One message or event to deliver to our server. */
export interface PushRequest {
  app: AppKind;
  /** Plaintext XML; it is encrypted per mode. */
  xml: string;
  /** Put in the query string as WeChat does for user pushes. */
  openid?: string;
  /** Overrides the simulator's push mode for this push. */
  mode?: PushMode;
}

/** How a push ended. */
export type PushOutcome = ReplyAnalysis['outcome'] | 'timeout' | 'http_error' | 'network_error' | 'no_callback';

/** One delivery attempt. */
export interface PushAttempt {
  at: number;
  result: CallbackResponse['kind'];
  status?: number;
}

/** A push and everything that happened to it. */
export interface PushRecord extends Omit<ReplyAnalysis, 'outcome'> {
  id: number;
  app: AppKind;
  mode: PushMode;
  xml: string;
  fields: Record<string, string>;
  startedAt: number;
  /** Set once WeChat is done with it (answer, or the last attempt failed). */
  finishedAt?: number;
  /** Deliveries made, first included (WeChat: at most 3). */
  deliveries: number;
  attempts: PushAttempt[];
  outcome: PushOutcome;
  /** The last HTTP status and body our server answered. */
  status?: number;
  body?: string;
}

/** What the push sender needs from the simulator. */
export interface PushServiceDeps {
  apps: Record<AppKind, SimApp>;
  settings: RuntimeSettings;
  clock: SimClock;
  logger: Logger;
}

/**
 * Delivers pushes to our server like WeChat: each attempt waits `retryDelayMs` for an
 * answer, then the same bytes are sent again, up to `maxDeliveries` in total. Any 2xx answer
 * in time ends it (judged by {@link analyzeReply}); timeouts, errors and non-2xx retry.
 */
export class PushService {
  private readonly records: PushRecord[] = [];
  private readonly events = new EventEmitter();
  private readonly closing = new AbortController();
  private nextId = 1;

  constructor(private readonly deps: PushServiceDeps) {
    this.events.setMaxListeners(0);
  }

  /** Delivers a push and resolves when WeChat would be done with it. */
  async deliver(request: PushRequest): Promise<PushRecord> {
    const { apps, settings, clock } = this.deps;
    const app = apps[request.app];
    const mode = request.mode ?? (request.app === 'oa' ? settings.pushMode : 'plain');
    const record: PushRecord = {
      id: this.nextId++,
      app: request.app,
      mode,
      xml: request.xml,
      fields: parseWechatXml(request.xml),
      startedAt: clock.now(),
      deliveries: 0,
      attempts: [],
      outcome: 'no_callback',
      userSees: 'error_prompt',
    };
    this.records.push(record);
    if (this.records.length > 10_000) this.records.shift();
    const url = request.app === 'mp' ? (settings.mpCallbackUrl ?? settings.callbackUrl) : settings.callbackUrl;
    if (url) await this.attempts(record, app, url, request.openid);
    record.finishedAt = clock.now();
    this.events.emit('done', record);
    return record;
  }

  private async attempts(record: PushRecord, app: SimApp, url: string, openid: string | undefined): Promise<void> {
    const { settings, clock } = this.deps;
    // Retries resend the very same request: identical MsgId, CreateTime, even ciphertext.
    const signed = signPush(app, record.mode, record.xml, openid, clock.nowSeconds());
    while (record.deliveries < settings.maxDeliveries && !this.closing.signal.aborted) {
      record.deliveries += 1;
      const response = await postToCallback(url, signed.query, signed.body, settings.retryDelayMs, this.closing.signal);
      record.attempts.push({ at: clock.now(), result: response.kind, status: response.kind === 'answered' ? response.status : undefined });
      if (response.kind === 'answered') {
        record.status = response.status;
        record.body = response.body;
        if (response.status >= 200 && response.status < 300) {
          Object.assign(record, analyzeReply(app, record.mode, record.fields, response.body));
          return;
        }
        record.outcome = 'http_error';
      } else {
        record.outcome = response.kind === 'timeout' ? 'timeout' : 'network_error';
      }
      // A timeout already took the whole delay; a quick failure waits it out before resending.
      if (response.kind !== 'timeout' && record.deliveries < settings.maxDeliveries) await this.pause(settings.retryDelayMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const signal = this.closing.signal;
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    });
  }

  /** Pushes (finished or in flight), oldest first. */
  list(): PushRecord[] {
    return [...this.records];
  }

  /** Forgets the push log. */
  clear(): void {
    this.records.length = 0;
  }

  /**
   * Resolves with the first push, finished or finishing later, that matches; rejects after
   * `timeoutMs`. Tests use it to await asynchronous job-finish events.
   */
  waitFor(predicate: (record: PushRecord) => boolean, timeoutMs = 10_000): Promise<PushRecord> {
    const existing = this.records.find((record) => record.finishedAt !== undefined && predicate(record));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const onDone = (record: PushRecord): void => {
        if (!predicate(record)) return;
        clearTimeout(timer);
        this.events.off('done', onDone);
        resolve(record);
      };
      const timer = setTimeout(() => {
        this.events.off('done', onDone);
        reject(new Error(`no matching push within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.on('done', onDone);
    });
  }

  /** Aborts in-flight deliveries (the simulator is closing). */
  close(): void {
    this.closing.abort();
  }
}
