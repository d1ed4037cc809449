import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/configSchema';
import type { Campaign } from '../campaigns/Campaign';
import { insertSends, planPage } from '../campaigns/planPage';
import { sendableAt } from '../campaigns/quietHours';

/**
 * Creates the send records of a run's new enrolments with the campaign engine's planner
 * rules (no follower, unreachable, no subscription grant, frequency cap counting sends
 * still pending in other runs: skipped with the reason), delayed past quiet hours, each
 * carrying its member's rendered fields; and links the enrolments to them. Runs inside
 * the journey's transaction. Returns the sends created.
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
    const sends = await planPage({ manager, config, campaign, runId, memberIds, now, capCountsPending: true });
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
