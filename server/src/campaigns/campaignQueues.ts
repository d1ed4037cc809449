/**
 * The campaign engine's queues. Sends have a queue of their own so that Bull's rate
 * limiter (`campaigns.sendRate`) throttles them alone, across every worker process.
 */
export const CAMPAIGN_SEND_QUEUE = 'campaign-sends';

/**
 * Planning, mass sends, resumes and recurring campaigns' cron ticks: few jobs, never rate
 * limited. No REPEATABLE_JOBS entry may use this queue: registerRepeatableJobs removes the
 * repeatable jobs it does not list from the queues it touches, recurring campaigns' included.
 */
export const CAMPAIGN_QUEUE = 'campaigns';
