import type { JourneyKey } from '@toyclub/shared';
import { errors } from '../app/errors';
import { lockCampaign } from '../campaigns/campaignRecords';
import { runInTransaction } from '../db/runInTransaction';
import type { System } from '../system/System';
import { Journey } from './Journey';
import { JOURNEYS } from './journeyDefinitions';

/**
 * Changes a journey's switch or (birthday only) its days before. Switching a journey on
 * whose campaign was stopped (a template WeChat refused) or cancelled lets its next run
 * start a fresh campaign. Returns the journey row.
 */
export async function journeyPatcher({ system, key, enabled, daysBefore }: { system: System; key: JourneyKey; enabled?: boolean; daysBefore?: number }): Promise<Journey> {
  if (daysBefore !== undefined && key !== 'birthday') throw errors.unprocessable('days_before_birthday_only', '只有生日祝福旅程可以设置提前天数');
  const defaults = JOURNEYS[key].settings(system.config);
  await system.dataSource.query('INSERT IGNORE INTO journeys (journey_key, enabled) VALUES (?, ?)', [key, defaults.enabled ? 1 : 0]);
  return runInTransaction(system.dataSource, async (manager) => {
    const repository = manager.getRepository(Journey);
    const journey = await repository.findOneOrFail({ where: { key }, lock: { mode: 'pessimistic_write' } });
    if (daysBefore !== undefined) journey.daysBefore = daysBefore;
    if (enabled !== undefined) {
      if (enabled && journey.campaignId) {
        const campaign = await lockCampaign(manager, journey.campaignId);
        if (campaign && (campaign.state === 'stopped' || campaign.state === 'cancelled')) journey.campaignId = null;
      }
      journey.enabled = enabled;
      if (enabled) journey.lastError = null;
    }
    return repository.save(journey);
  });
}
