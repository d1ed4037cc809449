import type { EntityManager } from 'typeorm';
import { JOURNEY_RECENT_DAYS } from '@toyclub/shared';
import type { JourneyCountsDto, JourneyDto, JourneyFieldDto, JourneyKey, JourneyTemplateDto } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import type { Journey } from './Journey';
import { JOURNEYS } from './journeyDefinitions';
import { DAY_MS } from '../time/dayMs';


type Count = string | number | null;

/**
 * Its send records by state over all its runs and over the enrolments of the last
 * {@link JOURNEY_RECENT_DAYS} days, in the same two scans of the journey's enrolments
 * (the recent window is a conditional count, not another query).
 */
async function countsOf(manager: EntityManager, key: JourneyKey, since: Date): Promise<{ counts: JourneyCountsDto; recent: JourneyCountsDto }> {
  const [enrolled] = (await manager.query('SELECT COUNT(*) AS n, COALESCE(SUM(created_at >= ?), 0) AS recent FROM journey_enrolments WHERE journey_key = ?', [since, key])) as Array<{
    n: Count;
    recent: Count;
  }>;
  const rows = (await manager.query(
    `SELECT cs.state, COUNT(DISTINCT cs.id) AS n, COUNT(DISTINCT IF(je.created_at >= ?, cs.id, NULL)) AS recent
       FROM journey_enrolments je JOIN campaign_sends cs ON cs.id = je.send_id
      WHERE je.journey_key = ? GROUP BY cs.state`,
    [since, key],
  )) as Array<{ state: string; n: Count; recent: Count }>;
  const build = (total: Count | undefined, pick: (row: { n: Count; recent: Count }) => Count): JourneyCountsDto => {
    const by = new Map(rows.map((row) => [row.state, Number(pick(row))]));
    return {
      enrolled: Number(total ?? 0),
      pending: by.get('pending') ?? 0,
      sent: by.get('sent') ?? 0,
      delivered: by.get('delivered') ?? 0,
      failed: by.get('failed') ?? 0,
      skipped: by.get('skipped') ?? 0,
    };
  };
  return { counts: build(enrolled?.n, (row) => row.n), recent: build(enrolled?.recent, (row) => row.recent) };
}

/**
 * A journey for the console: its settings (the row over the configuration), the approved
 * template and field texts it sends, its last run, and its counts over all its runs and
 * over the last {@link JOURNEY_RECENT_DAYS} days.
 */
export async function presentJourney(manager: EntityManager, config: AppConfig, key: JourneyKey, journey: Journey | null, now: Date = new Date()): Promise<JourneyDto> {
  const definition = JOURNEYS[key];
  const settings = definition.settings(config);
  const daysBefore = key === 'birthday' ? (journey?.daysBefore ?? config.journeys.birthday.daysBefore) : null;
  const approved = config.campaigns.templates.find((candidate) => candidate.id === settings.templateId);
  const template: JourneyTemplateDto | null = approved ? { title: approved.title, channel: approved.kind } : null;
  const fields: JourneyFieldDto[] = Object.entries(settings.fields).map(([field, pattern]) => ({
    key: field,
    label: approved?.fields.find((candidate) => candidate.key === field)?.label ?? field,
    pattern,
  }));
  const { counts, recent } = await countsOf(manager, key, new Date(now.getTime() - JOURNEY_RECENT_DAYS * DAY_MS));
  return {
    key,
    name: definition.name,
    description: definition.describe(config, daysBefore ?? 0),
    enabled: journey ? journey.enabled : settings.enabled,
    daysBefore,
    templateId: settings.templateId,
    template,
    fields,
    campaignId: journey?.campaignId ?? null,
    lastRunAt: journey?.lastRunAt ? journey.lastRunAt.toISOString() : null,
    lastError: journey?.lastError ?? null,
    counts,
    recent,
  };
}
