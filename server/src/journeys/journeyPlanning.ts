import type { EntityManager } from 'typeorm';
import type { FrequencyCap } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import type { Campaign } from '../campaigns/Campaign';
import { insertSends, planPage } from '../campaigns/planPage';
import { sendableAt } from '../campaigns/quietHours';

/**
 * Members of `memberIds` who reached the cap counting, besides sends made, sends still
 * pending elsewhere: several journeys run on the same night, and their sends all go out
 * after the quiet hours, so "sent" alone would let a member get all of them at once.
 */
async function cappedMembers(manager: EntityManager, cap: FrequencyCap, runId: string, memberIds: number[], now: Date): Promise<Set<number>> {
  const since = new Date(now.getTime() - cap.perDays * 86_400_000);
  const rows = (await manager.query(
    `SELECT member_id, COUNT(*) AS n FROM campaign_sends
      WHERE member_id IN (?) AND run_id <> ?
        AND ((state IN ('sent', 'delivered') AND sent_at >= ?) OR (state = 'pending' AND created_at >= ?))
      GROUP BY member_id`,
    [memberIds, runId, since, since],
  )) as Array<{ member_id: string | number; n: string | number }>;
  return new Set(rows.filter((row) => Number(row.n) >= cap.maxSends).map((row) => Number(row.member_id)));
}

/**
 * Creates the send records of a run's new enrolments with the campaign engine's planner
 * rules (no follower, unreachable, no subscription grant, frequency cap: skipped with the
 * reason), delayed past quiet hours, each carrying its member's rendered fields; and links
 * the enrolments to them. Runs inside the journey's transaction. Returns the sends created.
 */
export async function journeyPlanning({
  manager,
  config,
  campaign,
  runId,
  now,
}: {
  manager: EntityManager;
  config: AppConfig;
  campaign: Campaign;
  runId: string;
  now: Date;
}): Promise<number> {
  const quietUntil = sendableAt(now, campaign.quietHours, config.membership.timeZone);
  const notBefore = quietUntil > now ? quietUntil : null;
  let created = 0;
  for (let after = 0; ; ) {
    const rows = (await manager.query(
      'SELECT DISTINCT member_id FROM journey_enrolments WHERE run_id = ? AND send_id IS NULL AND member_id > ? ORDER BY member_id LIMIT ?',
      [runId, after, config.campaigns.planPageSize],
    )) as Array<{ member_id: string | number }>;
    if (rows.length === 0) return created;
    const memberIds = rows.map((row) => Number(row.member_id));
    const planned = await planPage({ manager, config, campaign, runId, memberIds, now });
    const capped = campaign.frequencyCap ? await cappedMembers(manager, campaign.frequencyCap, runId, memberIds, now) : new Set<number>();
    const sends = planned.map((send) => (send.state === 'pending' && capped.has(send.memberId) ? { ...send, state: 'skipped' as const, skipReason: 'frequency_cap' as const } : send));
    created += await insertSends({ manager, campaign, runId, sends, notBefore });
    await manager.query(
      `UPDATE campaign_sends cs JOIN journey_enrolments je ON je.run_id = cs.run_id AND je.member_id = cs.member_id
          SET cs.fields = je.fields
        WHERE je.run_id = ? AND je.send_id IS NULL AND je.member_id IN (?) AND cs.fields IS NULL`,
      [runId, memberIds],
    );
    await manager.query(
      `UPDATE journey_enrolments je JOIN campaign_sends cs ON cs.run_id = je.run_id AND cs.member_id = je.member_id
          SET je.send_id = cs.id
        WHERE je.run_id = ? AND je.send_id IS NULL AND je.member_id IN (?)`,
      [runId, memberIds],
    );
    after = memberIds[memberIds.length - 1]!;
  }
}
