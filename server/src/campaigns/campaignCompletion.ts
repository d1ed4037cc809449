import type { DataSource } from 'typeorm';
import { runInTransaction } from '../db/runInTransaction';
import { CampaignRun } from './CampaignRun';
import { lockCampaign } from './campaignRecords';

/**
 * Marks a run completed once it is planned and no send is pending, and the campaign with
 * it: `completed`, or back to `scheduled` for a recurring campaign awaiting its next
 * occurrence. Cheap when sends remain (one probe on the run/state index), so every send
 * calls it.
 */
export async function campaignCompletion({ dataSource, runId, now = new Date() }: { dataSource: DataSource; runId: string; now?: Date }): Promise<boolean> {
  const pending = (await dataSource.query("SELECT 1 FROM campaign_sends WHERE run_id = ? AND state = 'pending' LIMIT 1", [runId])) as unknown[];
  if (pending.length > 0) return false;
  return runInTransaction(dataSource, async (manager) => {
    const run = await manager.getRepository(CampaignRun).findOne({ where: { id: runId }, lock: { mode: 'pessimistic_write' } });
    if (!run || run.state !== 'sending') return false;
    const again = (await manager.query("SELECT 1 FROM campaign_sends WHERE run_id = ? AND state = 'pending' LIMIT 1", [runId])) as unknown[];
    if (again.length > 0) return false;
    await manager.getRepository(CampaignRun).update({ id: runId }, { state: 'completed', completedAt: now });
    const campaign = await lockCampaign(manager, run.campaignId);
    if (campaign && campaign.state === 'sending') {
      campaign.state = campaign.scheduleKind === 'recurring' ? 'scheduled' : 'completed';
      await manager.save(campaign);
    }
    return true;
  });
}
