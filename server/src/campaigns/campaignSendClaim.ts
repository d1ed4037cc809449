import type { System } from '../system/System';
import type { Campaign } from './Campaign';
import type { CampaignSend } from './CampaignSend';
import { campaignSendRateLimiter } from './campaignSendRateLimiter';
import { ACTIVE_STATES } from './campaignRecords';

const ACTIVE_SQL = "'scheduled', 'planning', 'sending'";

/** WeChat sends a template's client_msg_id once within ten minutes; a margin for clocks and the call itself. */
const CLIENT_MSG_ID_WINDOW_SECONDS = 9 * 60;

/** True when the campaign is still active in `generation` (not paused, cancelled or resumed since). */
export async function campaignStillCurrent(system: System, campaignId: string, generation: number): Promise<boolean> {
  const [current] = (await system.dataSource.query('SELECT state, generation FROM campaigns WHERE id = ?', [campaignId])) as Array<{ state: string; generation: number }>;
  return current !== undefined && current.generation === generation && ACTIVE_STATES.has(current.state);
}

/** What a claim found: the record is this job's to send, another job holds it until `until`, or it is not to be sent. */
export type SendClaim = { kind: 'claimed' } | { kind: 'held'; until: Date } | { kind: 'gone' };

/**
 * True for the channels whose calls carry an idempotency key (template/send's
 * client_msg_id): only those may be called again when an earlier call's outcome is unknown.
 */
export function resendable(campaign: Campaign): boolean {
  return campaign.channel === 'template';
}

/**
 * Claims a record for one attempt: one guarded UPDATE counts the attempt and takes a lease
 * (`campaigns.sendLeaseSeconds`) only if the record is still pending, no other job holds it,
 * and its campaign is active in this generation. It is the atomic equivalent of locking the
 * record (FOR UPDATE), checking and updating it, in one round trip on the hottest path of a
 * campaign; committed before the call, so two batches holding the same record call WeChat
 * once for it. A lease that ran out (its worker died, maybe mid-call) is taken over only on
 * a resendable channel, whose retry reuses the stored client_msg_id, and only within the ten
 * minutes WeChat honours it; otherwise the record fails as `outcome unknown` rather than
 * risk a second message.
 */
export async function claimCampaignSend(system: System, campaign: Campaign, send: CampaignSend, generation: number): Promise<SendClaim> {
  // A lapsed lease is taken over only while WeChat would still recognise the client_msg_id.
  const lease = resendable(campaign)
    ? `(cs.claimed_until IS NULL OR (cs.claimed_until < NOW(3) AND cs.first_claimed_at > NOW(3) - INTERVAL ${CLIENT_MSG_ID_WINDOW_SECONDS} SECOND))`
    : 'cs.claimed_until IS NULL';
  const claimed = (await system.dataSource.query(
    `UPDATE campaign_sends cs JOIN campaigns c ON c.id = cs.campaign_id
     SET cs.attempts = cs.attempts + 1, cs.claimed_until = NOW(3) + INTERVAL ? SECOND, cs.first_claimed_at = COALESCE(cs.first_claimed_at, NOW(3))
     WHERE cs.id = ? AND cs.state = 'pending' AND ${lease} AND c.generation = ? AND c.state IN (${ACTIVE_SQL})`,
    [system.config.campaigns.sendLeaseSeconds, send.id, generation],
  )) as { affectedRows: number };
  if (claimed.affectedRows === 1) return { kind: 'claimed' };
  const [current] = (await system.dataSource.query(
    `SELECT cs.claimed_until, cs.claimed_until >= NOW(3) AS held FROM campaign_sends cs JOIN campaigns c ON c.id = cs.campaign_id
     WHERE cs.id = ? AND cs.state = 'pending' AND c.generation = ? AND c.state IN (${ACTIVE_SQL})`,
    [send.id, generation],
  )) as Array<{ claimed_until: Date | null; held: number | null }>;
  if (current?.held) return { kind: 'held', until: current.claimed_until! };
  if (current?.claimed_until) {
    await system.dataSource.query(
      "UPDATE campaign_sends SET state = 'failed', error_message = ?, claimed_until = NULL WHERE id = ? AND state = 'pending' AND claimed_until < NOW(3)",
      ['outcome unknown: the worker stopped during the call; not sent again', send.id],
    );
    return { kind: 'gone' };
  }
  // Planned just as the campaign was cancelled: counted with the other cancelled sends.
  await system.dataSource.query(
    `UPDATE campaign_sends cs JOIN campaigns c ON c.id = cs.campaign_id SET cs.state = 'skipped', cs.skip_reason = 'cancelled'
     WHERE cs.id = ? AND cs.state = 'pending' AND c.state = 'cancelled'`,
    [send.id],
  );
  return { kind: 'gone' };
}

/** Gives up this job's lease on a record it did not send (it stays pending for a retry or a resume). */
export async function releaseCampaignSend(system: System, sendId: string): Promise<void> {
  await system.dataSource.query("UPDATE campaign_sends SET claimed_until = NULL WHERE id = ? AND state = 'pending'", [sendId]);
}

/**
 * Takes the send's slot of `campaigns.sendRate` after the claim and right before the call,
 * so that the limit counts calls, not jobs. A send that had to wait re-checks its campaign:
 * paused, cancelled or resumed under a new generation while it slept, it steps aside
 * without calling (the slot is lost, the limit never exceeded) and gives back the attempt it
 * counted, leaving the record pending for the resume (or already skipped by the cancel).
 */
export async function takeSendSlot(system: System, send: CampaignSend, generation: number): Promise<boolean> {
  const { waitedMs } = await campaignSendRateLimiter(system).acquire();
  if (waitedMs === 0 || (await campaignStillCurrent(system, send.campaignId, generation))) return true;
  await system.dataSource.query('UPDATE campaign_sends SET attempts = attempts - 1, claimed_until = NULL WHERE id = ? AND attempts > 0', [send.id]);
  return false;
}
