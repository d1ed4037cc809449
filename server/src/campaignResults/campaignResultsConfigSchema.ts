import { z } from 'zod';

/**
 * The `campaigns` configuration keys that measuring results reads (merged into the
 * campaigns section): the conversion window, how long a tracked link stays valid, and
 * how often a progress stream looks for new counts.
 */
export const campaignResultsConfigShape = {
  /** A purchase this many days after a send (or a holdout assignment) counts as a conversion. */
  conversionWindowDays: z.coerce.number().int().min(1).max(90).default(7),
  /** A tracked link stops counting clicks (and redirecting) this many days after it was built. */
  clickLinkTtlDays: z.coerce.number().int().min(1).max(365).default(90),
  /** How often each process re-reads a streamed campaign's counts (one query per campaign, not per viewer). */
  progressPollMs: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** A comment line this often keeps proxies from closing an idle progress stream. */
  progressHeartbeatSeconds: z.coerce.number().int().min(1).max(300).default(15),
};

/** The same keys as a schema of their own, for a `campaigns` section that has no other keys. */
export const campaignResultsConfigSchema = z.object(campaignResultsConfigShape);

/** The validated result-measuring keys of `campaigns`. */
export type CampaignResultsConfig = z.infer<typeof campaignResultsConfigSchema>;
