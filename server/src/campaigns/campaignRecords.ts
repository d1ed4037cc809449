import type { EntityManager } from 'typeorm';
import { Campaign } from './Campaign';
import { CampaignRun } from './CampaignRun';

/** The campaign, locked for a read-modify-write of its state. */
export async function lockCampaign(manager: EntityManager, campaignId: string): Promise<Campaign | null> {
  return manager.getRepository(Campaign).findOne({ where: { id: campaignId }, lock: { mode: 'pessimistic_write' } });
}

/** The campaign's latest run (a recurring campaign has one per occurrence), or null before the first. */
export async function latestRun(manager: EntityManager, campaignId: string): Promise<CampaignRun | null> {
  return manager.getRepository(CampaignRun).findOne({ where: { campaignId }, order: { id: 'DESC' } });
}

/** States in which planning and sending go on. */
export const ACTIVE_STATES: ReadonlySet<string> = new Set(['scheduled', 'planning', 'sending']);
