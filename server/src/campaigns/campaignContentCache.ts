import type { System } from '../system/System';
import { Campaign } from './Campaign';

const caches = new WeakMap<System, Map<string, Campaign>>();
const LIMIT = 1000;

/**
 * A campaign for its send jobs, read once per process: they only use what never changes
 * after composing (channel, content, quiet hours). State and generation, which do change,
 * are checked in the database by each send's claim, never taken from here.
 */
export async function campaignForSends(system: System, campaignId: string): Promise<Campaign | null> {
  let cache = caches.get(system);
  if (!cache) caches.set(system, (cache = new Map()));
  const cached = cache.get(campaignId);
  if (cached) return cached;
  const campaign = await system.dataSource.getRepository(Campaign).findOneBy({ id: campaignId });
  if (!campaign) return null;
  if (cache.size >= LIMIT) cache.clear();
  cache.set(campaignId, campaign);
  return campaign;
}
