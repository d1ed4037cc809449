import type { EntityManager } from 'typeorm';
import type { JourneyCountsDto, JourneyDto, JourneyKey } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import type { Journey } from './Journey';
import { JOURNEYS } from './journeyDefinitions';

async function countsOf(manager: EntityManager, key: JourneyKey): Promise<JourneyCountsDto> {
  const [enrolled] = (await manager.query('SELECT COUNT(*) AS n FROM journey_enrolments WHERE journey_key = ?', [key])) as Array<{ n: string | number }>;
  const rows = (await manager.query(
    `SELECT cs.state, COUNT(DISTINCT cs.id) AS n FROM journey_enrolments je JOIN campaign_sends cs ON cs.id = je.send_id
      WHERE je.journey_key = ? GROUP BY cs.state`,
    [key],
  )) as Array<{ state: string; n: string | number }>;
  const by = new Map(rows.map((row) => [row.state, Number(row.n)]));
  return {
    enrolled: Number(enrolled?.n ?? 0),
    pending: by.get('pending') ?? 0,
    sent: by.get('sent') ?? 0,
    delivered: by.get('delivered') ?? 0,
    failed: by.get('failed') ?? 0,
    skipped: by.get('skipped') ?? 0,
  };
}

/** A journey for the console: its settings (the row over the configuration), last run and counts over all its runs. */
export async function presentJourney(manager: EntityManager, config: AppConfig, key: JourneyKey, journey: Journey | null): Promise<JourneyDto> {
  const definition = JOURNEYS[key];
  const settings = definition.settings(config);
  const daysBefore = key === 'birthday' ? (journey?.daysBefore ?? config.journeys.birthday.daysBefore) : null;
  return {
    key,
    name: definition.name,
    description: definition.describe(config, daysBefore ?? 0),
    enabled: journey ? journey.enabled : settings.enabled,
    daysBefore,
    templateId: settings.templateId,
    campaignId: journey?.campaignId ?? null,
    lastRunAt: journey?.lastRunAt ? journey.lastRunAt.toISOString() : null,
    lastError: journey?.lastError ?? null,
    counts: await countsOf(manager, key),
  };
}
