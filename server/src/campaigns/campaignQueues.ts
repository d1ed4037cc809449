/**
 * The campaign engine's queues. Sends have a queue of their own so that Bull's rate
 * limiter (`campaigns.sendRate`) throttles them alone, across every worker process.
 */
export const CAMPAIGN_SEND_QUEUE = 'campaign-sends';

/** Planning, mass sends and resumes: few jobs, never rate limited. */
export const CAMPAIGN_QUEUE = 'campaigns';
