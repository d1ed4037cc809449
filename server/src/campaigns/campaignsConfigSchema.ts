import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

/** A template the store's official account has approved, with its fields in order. */
const campaignTemplate = z.object({
  id: z.string().trim().min(1).max(64),
  title: z.string().trim().min(1).max(32),
  fields: z.array(z.object({ key: z.string().regex(/^[a-z_]+\d+$/), label: z.string().trim().min(1).max(20) })).min(1).max(10),
  /** True for a service-notice template (event reminder, points change...); only those carry campaigns by template. */
  serviceNotice: z.boolean(),
  /** `template` (template/send) or `subscribe` (subscribe/bizsend, one grant per send). */
  kind: z.enum(['template', 'subscribe']),
});

/**
 * The campaign engine's settings: the store's approved templates, the send rate (a Redis
 * rate limiter shared by the workers), the planner's page size and WeChat's
 * channel limits.
 */
export const campaignsConfigSchema = z.object({
  templates: z.array(campaignTemplate),
  /**
   * At most `max` WeChat calls in any `durationMs`, evenly spaced, across every worker: each
   * send takes a slot of a Redis rate limiter right before its call (campaignSendRateLimiter);
   * Bull's limiter on the queue is only a coarse guard above it (campaignSendQueueLimiter).
   */
  sendRate: z.object({ max: positiveInt, durationMs: positiveInt }),
  planPageSize: positiveInt.max(10_000),
  /** Concurrent send jobs (batches) per worker process. */
  sendConcurrency: positiveInt.max(1000),
  /**
   * Records per send job: Bull's own cost per job (about a send's) is paid once per batch,
   * and Redis holds one job, not one per member, for every batch waiting.
   */
  sendBatchSize: positiveInt.max(1000),
  /**
   * How long a send job holds a record it claimed (seconds): longer than a slot's wait and
   * the call take, so that only a job whose worker died loses it to another.
   */
  sendLeaseSeconds: positiveInt.max(3600),
  /** Sends of one batch in flight at once (each still takes its slot of `sendRate`). */
  sendBatchConcurrency: positiveInt.max(200),
  /** Mass sends each follower may receive per calendar month (WeChat: 4). */
  massSendsPerMonth: positiveInt.max(31),
  /** Custom-service messages are only allowed this long after the follower's last interaction (WeChat: 48). */
  customServiceWindowHours: positiveInt.max(48),
  /** Attempts of a send job whose outcome stayed unknown (timeouts, -1), each with the same client_msg_id. */
  sendAttempts: positiveInt.max(20),
});

/** One configured template. */
export type CampaignTemplateConfig = z.infer<typeof campaignTemplate>;

/** The `campaigns` section of the configuration. */
export type CampaignsConfig = z.infer<typeof campaignsConfigSchema>;
