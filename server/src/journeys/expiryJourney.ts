import { localDate } from '../time/localDate';
import { chineseDate } from './journeyFields';
import type { CandidateQuery, JourneyCandidate, JourneyDefinition } from './JourneyDefinition';
import { reachableMembers } from './journeyScope';
import { DAY_MS } from '../time/dayMs';


/**
 * Members with points lots expiring within `withinDays`: one reminder per member and
 * expiry date (local), for the earliest date, with the points that expire that day.
 * A win-back bonus lot is left out: the churn warning that credited it gave its date,
 * and would otherwise be followed by a reminder of it the same morning.
 */
async function candidates({ manager, config, now, scope }: CandidateQuery): Promise<JourneyCandidate[]> {
  const timeZone = config.membership.timeZone;
  const members = reachableMembers(config, scope);
  const rows = (await manager.query(
    `SELECT p.member_id, p.expires_at, SUM(p.remaining) AS points, m.points_balance
       FROM points_entries p JOIN members m ON m.id = p.member_id
      WHERE p.remaining > 0 AND p.expires_at > ? AND p.expires_at <= ? AND p.reason <> 'winback_bonus' AND ${members.sql}
      GROUP BY p.member_id, p.expires_at, m.points_balance
      ORDER BY p.member_id, p.expires_at`,
    [now, new Date(now.getTime() + config.journeys.expiry.withinDays * DAY_MS), ...members.params],
  )) as Array<{ member_id: string; expires_at: Date; points: string | number; points_balance: string | number }>;
  const earliest = new Map<string, { date: string; at: Date; points: number; balance: number }>();
  for (const row of rows) {
    const at = new Date(row.expires_at);
    const date = localDate(at, timeZone);
    const current = earliest.get(row.member_id);
    if (current && current.date !== date) continue;
    earliest.set(row.member_id, { date, at, points: (current?.points ?? 0) + Number(row.points), balance: Number(row.points_balance) });
  }
  // Already-reminded dates are left to the enrolment's unique key (INSERT IGNORE).
  return [...earliest.entries()].map(([memberId, lot]) => ({
    memberId: Number(memberId),
    occasionKey: `expiry:${lot.date}`,
    values: { points: String(lot.points), expiresAt: chineseDate(lot.at, timeZone), balance: String(lot.balance) },
  }));
}

/** 积分到期提醒: points about to expire, once per expiry date. */
export const expiryJourney: JourneyDefinition = {
  key: 'expiry',
  step: 'reminder',
  name: '积分到期提醒',
  describe: (config) => `积分在 ${config.journeys.expiry.withinDays} 天内到期时提醒一次（每个到期日一次）`,
  segment: () => ({ op: 'and', rules: [{ kind: 'reachability', channel: 'official_account', reachable: true }] }),
  settings: (config) => config.journeys.expiry,
  candidates,
};
