import { builtinCondition } from '../segments/builtinSegments';
import { chineseDate } from './journeyFields';
import type { CandidateQuery, JourneyCandidate, JourneyDefinition } from './JourneyDefinition';
import { reachableMembers } from './journeyScope';

/** 新会员 not yet welcomed (once per member: the occasion is always `welcome`). */
async function candidates({ manager, config, now, step, scope }: CandidateQuery): Promise<JourneyCandidate[]> {
  const fresh = builtinCondition('new_member', config.segments.builtin, now);
  const members = reachableMembers(config, scope);
  const rows = (await manager.query(
    `SELECT m.id AS member_id, m.tier_code, m.created_at FROM members m
      WHERE ${members.sql} AND ${fresh.sql}
        AND NOT EXISTS (SELECT 1 FROM journey_enrolments je WHERE je.journey_key = 'welcome' AND je.step = ? AND je.member_id = m.id AND je.occasion_key = 'welcome')
      ORDER BY m.id`,
    [...members.params, ...fresh.params, step],
  )) as Array<{ member_id: string; tier_code: string; created_at: Date }>;
  const tierNames = new Map(config.tiers.levels.map((level) => [level.code, level.name]));
  return rows.map((row) => ({
    memberId: Number(row.member_id),
    occasionKey: 'welcome',
    values: {
      tierName: tierNames.get(row.tier_code) ?? row.tier_code,
      benefits: config.journeys.welcome.benefits,
      joinedAt: chineseDate(new Date(row.created_at), config.membership.timeZone),
    },
  }));
}

/** 入会欢迎: the card's benefits, once, to each new member. */
export const welcomeJourney: JourneyDefinition = {
  key: 'welcome',
  step: 'welcome',
  name: '入会欢迎',
  describe: (config) => `新会员（${config.segments.builtin.newMemberDays} 天内注册）收到一次入会欢迎和会员卡权益：${config.journeys.welcome.benefits}`,
  segment: () => ({ op: 'and', rules: [{ kind: 'builtin', segment: 'new_member' }] }),
  settings: (config) => config.journeys.welcome,
  candidates,
};
