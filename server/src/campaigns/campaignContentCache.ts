import type { System } from '../system/System';
import { Campaign } from './Campaign';

interface Cached {
  campaign: Campaign;
  until: number;
}

const caches = new WeakMap<System, Map<string, Cached>>();
const LIMIT = 1000;
/** Journeys rewrite their campaign's content and quiet hours when their settings change: bounded staleness. */
const TTL_MS = 5000;

/**
 * A campaign for its send jobs, read at most every few seconds per process: they only use
 * its channel, content and quiet hours. State and generation, which pause, resume and
 * cancel change, are checked in the database by each send's claim, never taken from here.
 */
export async function campaignForSends(system: System, campaignId: string, now = Date.now()): Promise<Campaign | null> {
  let cache = caches.get(system);
  if (!cache) caches.set(system, (cache = new Map()));
  const cached = cache.get(campaignId);
  if (cached && cached.until > now) return cached.campaign;
  const campaign = await system.dataSource.getRepository(Campaign).findOneBy({ id: campaignId });
  if (!campaign) return null;
  if (cache.size >= LIMIT) cache.clear();
  cache.set(campaignId, { campaign, until: now + TTL_MS });
  return campaign;
}
