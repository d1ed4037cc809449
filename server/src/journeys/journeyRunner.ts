import type { EntityManager } from 'typeorm';
import type { JourneyKey } from '@toyclub/shared';
import type { Logger } from '../logging/createLogger';
import { runInTransaction } from '../db/runInTransaction';
import { Campaign } from '../campaigns/Campaign';
import { campaignCompletion } from '../campaigns/campaignCompletion';
import { enqueueRunSends } from '../campaigns/enqueueRunSends';
import { localDate } from '../time/localDate';
import type { System } from '../system/System';
import { Journey } from './Journey';
import { journeyCampaign } from './journeyCampaign';
import type { FreshEnrolment, JourneyCandidate, JourneyDefinition } from './JourneyDefinition';
import { JOURNEYS } from './journeyDefinitions';
import { renderJourneyFields } from './journeyFields';
import { journeyPlanning } from './journeyPlanning';
import type { JourneyScope } from './journeyScope';
import { journeyTemplate } from './journeyTemplate';

/** What one run of a journey did. */
export type JourneyRunResult =
  | { state: 'disabled' }
  /** Nothing sent, and why (also kept as the journey's last error for the console). */
  | { state: 'refused'; error: string }
  /** `granted`: members given the step's benefit (the churn warning's bonus points). */
  | { state: 'ran'; campaignId: string; runId: string; enrolled: number; planned: number; granted: number };

const CHUNK = 1000;

/** The day's run of the journey's campaign (one per local date: a second run the same day adds to it). */
async function dailyRun(manager: EntityManager, campaignId: string, day: string, now: Date): Promise<string> {
  await manager.query("INSERT IGNORE INTO campaign_runs (campaign_id, occurrence_key, state, planned_at) VALUES (?, ?, 'sending', ?)", [campaignId, day, now]);
  const [run] = (await manager.query('SELECT id FROM campaign_runs WHERE campaign_id = ? AND occurrence_key = ?', [campaignId, day])) as Array<{ id: string | number }>;
  return String(run!.id);
}

/** INSERT IGNORE: an occasion already enrolled (by an earlier run, or twice today) stays as it was. */
async function enrol(manager: EntityManager, definition: JourneyDefinition, fields: Record<string, string>, runId: string, found: JourneyCandidate[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < found.length; start += CHUNK) {
    const rows = found
      .slice(start, start + CHUNK)
      .map((candidate) => [definition.key, definition.step, candidate.memberId, candidate.occasionKey, runId, JSON.stringify(renderJourneyFields(fields, candidate.values))]);
    const result = (await manager.query('INSERT IGNORE INTO journey_enrolments (journey_key, step, member_id, occasion_key, run_id, fields) VALUES ?', [rows])) as {
      affectedRows: number;
    };
    inserted += result.affectedRows;
  }
  return inserted;
}

/** The run's enrolments not yet planned: the ones this run just made (a committed run leaves none). */
async function freshEnrolments(manager: EntityManager, runId: string): Promise<FreshEnrolment[]> {
  const rows = (await manager.query('SELECT id, member_id, occasion_key FROM journey_enrolments WHERE run_id = ? AND send_id IS NULL ORDER BY member_id, id', [runId])) as Array<{
    id: string | number;
    member_id: string | number;
    occasion_key: string;
  }>;
  return rows.map((row) => ({ id: String(row.id), memberId: String(row.member_id), occasionKey: row.occasion_key }));
}

/** A run planned inside the transaction, to be enqueued after it. */
interface Planned {
  state: 'ran';
  campaign: Campaign;
  runId: string;
  enrolled: number;
  planned: number;
  granted: number;
}

/**
 * Runs one journey for today: under the journey's row lock (two runs of one journey take
 * turns), finds today's members by set-based SQL, enrols each for its occasion (unique:
 * never twice), creates their send records in the journey's campaign and grants what the
 * step gives (the churn warning's bonus points), in the same transaction; after the commit the sends are enqueued like any campaign's (quiet hours
 * delay them, the rate limiter paces them). A run that dies after the commit is repaired
 * by the next one: the day's pending sends are enqueued again under the same job ids.
 */
export async function journeyRunner({ system, key, now = new Date(), scope, log }: { system: System; key: JourneyKey; now?: Date; scope?: JourneyScope; log: Logger }): Promise<JourneyRunResult> {
  const { config } = system;
  const definition = JOURNEYS[key];
  const settings = definition.settings(config);
  await system.dataSource.query('INSERT IGNORE INTO journeys (journey_key, enabled) VALUES (?, ?)', [key, settings.enabled ? 1 : 0]);
  const outcome = await runInTransaction(system.dataSource, async (manager): Promise<JourneyRunResult | Planned> => {
    const repository = manager.getRepository(Journey);
    const journey = await repository.findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
    if (!journey?.enabled) return { state: 'disabled' };
    const daysBefore = journey.daysBefore ?? config.journeys.birthday.daysBefore;
    const chosen = journeyTemplate(config, settings);
    const campaign = 'error' in chosen ? chosen : await journeyCampaign({ manager, config, definition, journey, template: chosen.template, daysBefore });
    journey.lastRunAt = now;
    if ('error' in campaign) {
      journey.lastError = campaign.error;
      await repository.save(journey);
      return { state: 'refused', error: campaign.error };
    }
    const runId = await dailyRun(manager, campaign.id, localDate(now, config.membership.timeZone), now);
    const found = await definition.candidates({ manager, config, now, step: definition.step, daysBefore, scope });
    const enrolled = await enrol(manager, definition, settings.fields, runId, found);
    const fresh = definition.grant ? await freshEnrolments(manager, runId) : [];
    const planned = await journeyPlanning({ manager, config, campaign, runId, now });
    // After planning, so that the members' row locks are held only to the commit.
    const granted = definition.grant ? await definition.grant({ manager, config, now, enrolments: fresh }) : 0;
    if (planned > 0) {
      await manager.query("UPDATE campaign_runs SET state = 'sending', completed_at = NULL, planned_count = planned_count + ? WHERE id = ?", [planned, runId]);
      await manager.query("UPDATE campaigns SET planned_count = planned_count + ?, state = IF(state IN ('scheduled', 'planning'), 'sending', state) WHERE id = ?", [
        planned,
        campaign.id,
      ]);
    }
    journey.lastError = null;
    await repository.save(journey);
    const current = await manager.getRepository(Campaign).findOneByOrFail({ id: campaign.id });
    return { state: 'ran', campaign: current, runId, enrolled, planned, granted };
  });
  if (!('campaign' in outcome)) {
    log.info({ journey: key, ...outcome }, 'journey run');
    return outcome;
  }
  await enqueueRunSends({ system, campaign: outcome.campaign, runId: outcome.runId, now });
  await campaignCompletion({ dataSource: system.dataSource, runId: outcome.runId });
  const result: JourneyRunResult = {
    state: 'ran',
    campaignId: outcome.campaign.id,
    runId: outcome.runId,
    enrolled: outcome.enrolled,
    planned: outcome.planned,
    granted: outcome.granted,
  };
  log.info({ journey: key, ...result }, 'journey run');
  return result;
}
