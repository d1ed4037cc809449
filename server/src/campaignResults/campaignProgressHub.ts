import type { CampaignProgressDto } from '@toyclub/shared';
import type { System } from '../system/System';
import { loadCampaignProgress } from './campaignProgressQuery';
import { ProgressHub } from './ProgressHub';

// Kept beside the System rather than in it: the hub is this feature's own cache, made on
// first use, and one per System means one poll per campaign for the whole process.
const HUBS = new WeakMap<System, ProgressHub<CampaignProgressDto | null>>();

/** The process's shared poller of campaign progress (null snapshots: the campaign is gone). */
export function campaignProgressHub(system: System): ProgressHub<CampaignProgressDto | null> {
  let hub = HUBS.get(system);
  if (!hub) {
    hub = new ProgressHub<CampaignProgressDto | null>({
      pollMs: system.config.campaigns.progressPollMs,
      load: (campaignId) => loadCampaignProgress(system.dataSource, campaignId),
      onError: (error, campaignId) => system.logger.warn({ err: error, campaignId }, 'campaign progress poll failed'),
    });
    HUBS.set(system, hub);
  }
  return hub;
}
