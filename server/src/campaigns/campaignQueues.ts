import type Bull from 'bull';

/**
 * The campaign engine's queues. Sends have a queue of their own so that its limiter throttles
 * them alone; the precise limit (`campaigns.sendRate`) is the Redis rate limiter each send
 * takes a slot of right before its call (campaignSendRateLimiter), across every worker process.
 */
export const CAMPAIGN_SEND_QUEUE = 'campaign-sends';

/**
 * Planning, mass sends, resumes and recurring campaigns' cron ticks: few jobs, never rate
 * limited. No REPEATABLE_JOBS entry may use this queue: registerRepeatableJobs removes the
 * repeatable jobs it does not list from the queues it touches, recurring campaigns' included.
 */
export const CAMPAIGN_QUEUE = 'campaigns';

/** How far above `campaigns.sendRate` Bull's own limiter on the send queue is set. */
const BULL_GUARD_FACTOR = 1.1;

/**
 * Bull's limiter on the send queue, a coarse outer guard set above the send rate, in batches
 * of `batchSize` sends: it keeps a backlog from starting every queued job at once to sleep
 * on its slots, while the Redis rate limiter sets the pace. At the send rate itself it would
 * be the bottleneck: Bull delays its rate-limited jobs with 10 % slack and tops out near 91 %
 * of its max.
 */
export function campaignSendQueueLimiter(sendRate: { max: number; durationMs: number }, batchSize = 1): Bull.RateLimiter {
  return { max: Math.ceil((sendRate.max * BULL_GUARD_FACTOR) / batchSize), duration: sendRate.durationMs };
}
