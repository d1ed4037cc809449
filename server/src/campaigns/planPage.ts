import type { EntityManager } from 'typeorm';
import type { CampaignSkipReason, FrequencyCap } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import type { Campaign } from './Campaign';
import { memberDraw } from './memberDraw';
import { DAY_MS } from '../time/dayMs';

/** One send record to insert. */
interface PlannedSend {
  memberId: number;
  openid: string | null;
  variant: number;
  state: 'pending' | 'held_out' | 'skipped';
  skipReason: CampaignSkipReason | null;
}

type Counts = Map<number, number>;

async function countBy(manager: EntityManager, sql: string, params: unknown[]): Promise<Counts> {
  const rows = (await manager.query(sql, params)) as Array<{ member_id: string | number; n: string | number }>;
  return new Map(rows.map((row) => [Number(row.member_id), Number(row.n)]));
}

/**
 * Each member's sends in other runs that count towards the frequency cap (see
 * {@link planPage}); the sender asks again right before sending (see campaignSender).
 */
export function capCounts(manager: EntityManager, cap: FrequencyCap, runId: string, memberIds: number[], now: Date, countPending: boolean): Promise<Counts> {
  const since = new Date(now.getTime() - cap.perDays * DAY_MS);
  const pending = countPending ? " OR (state = 'pending' AND created_at >= ?)" : '';
  return countBy(
    manager,
    `SELECT member_id, COUNT(*) AS n FROM campaign_sends WHERE member_id IN (?) AND run_id <> ?
       AND ((state IN ('sent', 'delivered') AND sent_at >= ?)${pending}) GROUP BY member_id`,
    countPending ? [memberIds, runId, since, since] : [memberIds, runId, since],
  );
}

function startOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Decides each member's send record for one audience page: held out (by a stable draw),
 * skipped with the reason the channel cannot reach them (no follower, unreachable, no
 * subscription grant, outside the 48-hour window, four mass sends this month, frequency
 * cap), or pending with its variant. The frequency cap counts the sends made within its
 * days; with `capCountsPending` also the sends still pending elsewhere (created within
 * them), for journeys: several run on the same night and all send after the quiet hours,
 * so "sent" alone would let a member get all of them at once.
 */
export async function planPage({
  manager,
  config,
  campaign,
  runId,
  memberIds,
  now,
  capCountsPending = false,
}: {
  manager: EntityManager;
  config: Pick<AppConfig, 'campaigns'>;
  campaign: Campaign;
  runId: string;
  memberIds: number[];
  now: Date;
  capCountsPending?: boolean;
}): Promise<PlannedSend[]> {
  const followers = (await manager.query(
    'SELECT member_id, openid, reachable, last_interaction_at FROM oa_followers WHERE member_id IN (?)',
    [memberIds],
  )) as Array<{ member_id: string | number; openid: string; reachable: number; last_interaction_at: Date | null }>;
  const followerOf = new Map(followers.map((row) => [Number(row.member_id), row]));
  const grants = new Set<string>();
  if (campaign.channel === 'subscribe' && followers.length > 0) {
    const rows = (await manager.query('SELECT openid FROM oa_subscribe_grants WHERE template_id = ? AND openid IN (?) AND remaining > 0', [
      campaign.content.templateId,
      followers.map((row) => row.openid),
    ])) as Array<{ openid: string }>;
    for (const row of rows) grants.add(row.openid);
  }
  const capped: Counts = campaign.frequencyCap ? await capCounts(manager, campaign.frequencyCap, runId, memberIds, now, capCountsPending) : new Map();
  const massThisMonth: Counts =
    campaign.channel === 'mass_tag'
      ? await countBy(
          manager,
          `SELECT cs.member_id, COUNT(*) AS n FROM campaign_sends cs JOIN campaigns c ON c.id = cs.campaign_id
           WHERE cs.member_id IN (?) AND c.channel = 'mass_tag' AND cs.state IN ('sent', 'delivered') AND cs.sent_at >= ? GROUP BY cs.member_id`,
          [memberIds, startOfMonth(now)],
        )
      : new Map();
  const windowStart = now.getTime() - config.campaigns.customServiceWindowHours * 3_600_000;
  const variants = campaign.content.variants.length;

  return memberIds.map((memberId): PlannedSend => {
    const follower = followerOf.get(memberId);
    const openid = follower?.openid ?? null;
    const variant = variants > 1 && memberDraw(campaign.id, memberId, 'variant') >= 0.5 ? 1 : 0;
    const skip = (reason: CampaignSkipReason): PlannedSend => ({ memberId, openid, variant, state: 'skipped', skipReason: reason });
    // The holdout is drawn from the whole audience, reachable or not, so that it compares like with like.
    if (memberDraw(campaign.id, memberId, 'holdout') * 100 < campaign.holdoutPercent) {
      return { memberId, openid, variant, state: 'held_out', skipReason: null };
    }
    if (!follower) return skip('no_follower');
    if (!follower.reachable) return skip('unreachable');
    if (campaign.channel === 'subscribe' && !grants.has(follower.openid)) return skip('no_subscribe_grant');
    if (campaign.channel === 'custom_service' && (!follower.last_interaction_at || follower.last_interaction_at.getTime() < windowStart)) {
      return skip('outside_48h_window');
    }
    if (campaign.channel === 'mass_tag' && (massThisMonth.get(memberId) ?? 0) >= config.campaigns.massSendsPerMonth) return skip('mass_monthly_limit');
    if (campaign.frequencyCap && (capped.get(memberId) ?? 0) >= campaign.frequencyCap.maxSends) return skip('frequency_cap');
    return { memberId, openid, variant, state: 'pending', skipReason: null };
  });
}

/** The `client_msg_id` of a run's send to a member: stable, so every retry carries the same one. */
export function clientMsgIdOf(runId: string, memberId: number | string): string {
  return `tc-${runId}-${memberId}`;
}

/** A send record just inserted: what enqueuing it needs. */
export interface InsertedSend {
  id: string;
  state: PlannedSend['state'];
  notBefore: Date | null;
}

/**
 * Inserts a page of send records, ignoring those already planned (a restarted planner),
 * and returns the new ones (MariaDB's INSERT ... RETURNING: no second read to find them).
 */
export async function insertPlannedSends({
  manager,
  campaign,
  runId,
  sends,
  notBefore,
}: {
  manager: EntityManager;
  campaign: Campaign;
  runId: string;
  sends: PlannedSend[];
  notBefore: Date | null;
}): Promise<InsertedSend[]> {
  if (sends.length === 0) return [];
  const rows = sends.map((send) => [
    campaign.id,
    runId,
    send.memberId,
    send.openid,
    send.variant,
    send.state,
    send.skipReason,
    clientMsgIdOf(runId, send.memberId),
    send.state === 'pending' ? notBefore : null,
  ]);
  const inserted = (await manager.query(
    `INSERT IGNORE INTO campaign_sends (campaign_id, run_id, member_id, openid, variant, state, skip_reason, client_msg_id, not_before) VALUES ?
     RETURNING id, state, not_before`,
    [rows],
  )) as Array<{ id: string | number; state: PlannedSend['state']; not_before: Date | null }>;
  return inserted.map((row) => ({ id: String(row.id), state: row.state, notBefore: row.not_before }));
}

/** Inserts a page of send records, ignoring those already planned; returns how many were new. */
export async function insertSends(input: Parameters<typeof insertPlannedSends>[0]): Promise<number> {
  return (await insertPlannedSends(input)).length;
}
