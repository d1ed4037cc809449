import type { AppConfig } from '../config/configSchema';
import { builtinCondition, builtinDescription } from '../segments/builtinSegments';
import { chineseDate } from './journeyFields';
import type { CandidateQuery, JourneyCandidate, JourneyDefinition } from './JourneyDefinition';
import { reachableMembers } from './journeyScope';
import { winBackBonus } from './winBackBonus';
import { DAY_MS } from '../time/dayMs';


/**
 * Members now in 流失风险 (late by more than the factor times their own usual interval),
 * once per episode: an episode is identified by the last purchase it followed, so a member
 * who buys again and later lapses again is warned again, and never twice for one lapse.
 */
async function candidates({ manager, config, now, step, scope }: CandidateQuery): Promise<JourneyCandidate[]> {
  const churn = builtinCondition('churn_risk', config.segments.builtin, now);
  const members = reachableMembers(config, scope);
  const occasion = "CONCAT('churn:', DATE_FORMAT(s.last_purchase_at, '%Y%m%d%H%i%s'))";
  const rows = (await manager.query(
    `SELECT m.id AS member_id, ${occasion} AS occasion_key
       FROM members m JOIN member_stats s ON s.member_id = m.id
      WHERE ${members.sql} AND ${churn.sql}
        AND NOT EXISTS (SELECT 1 FROM journey_enrolments je WHERE je.journey_key = 'churn' AND je.step = ? AND je.member_id = m.id AND je.occasion_key = ${occasion})
      ORDER BY m.id`,
    [...members.params, ...churn.params, step],
  )) as Array<{ member_id: string; occasion_key: string }>;
  const settings = config.journeys.churn;
  const values = {
    offer: settings.offer,
    validUntil: chineseDate(new Date(now.getTime() + settings.offerValidDays * DAY_MS), config.membership.timeZone),
  };
  return rows.map((row) => ({ memberId: Number(row.member_id), occasionKey: row.occasion_key, values }));
}

/** What the member is given, for the console: the bonus points and how long they last, or the offer text alone. */
function describeOffer(config: AppConfig): string {
  const { offer, bonusPoints, offerValidDays } = config.journeys.churn;
  return bonusPoints > 0 ? `${offer}（每次自动发放 ${bonusPoints} 积分，${offerValidDays} 天内有效）` : offer;
}

/** 流失预警: a win-back offer when a member enters 流失风险, with its bonus points credited once per episode. */
export const churnJourney: JourneyDefinition = {
  key: 'churn',
  step: 'warning',
  name: '流失预警',
  describe: (config) => `会员进入「流失风险」（${builtinDescription('churn_risk', config.segments.builtin)}）时发送回归礼遇：${describeOffer(config)}`,
  segment: () => ({ op: 'and', rules: [{ kind: 'builtin', segment: 'churn_risk' }] }),
  settings: (config) => config.journeys.churn,
  candidates,
  grant: winBackBonus,
};
