import type { Logger } from '../logging/createLogger';
import type { System } from '../system/System';
import type { InboundMessage } from './callback/InboundMessage';
import type { PushClaim } from './callback/MessageDeduper';

/** One push being handled: the system, the checked message, and what its claim learned. */
export interface OaRequest<M extends InboundMessage = InboundMessage> {
  system: System;
  message: M;
  /** The push's dedup key: job ids derived from it make follow-up work happen once. */
  dedupKey: string;
  claim: PushClaim;
  log: Logger;
}
