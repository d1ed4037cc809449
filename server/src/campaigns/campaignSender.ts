import { In } from 'typeorm';
import type { Logger } from '../logging/createLogger';
import type { System } from '../system/System';
import { WechatApiError } from '../wechat/gateway/WechatApiError';
import type { Campaign } from './Campaign';
import { CampaignSend } from './CampaignSend';
import { campaignCompletion } from './campaignCompletion';
import { campaignForSends } from './campaignContentCache';
import { campaignStillCurrent, claimCampaignSend, releaseCampaignSend, takeSendSlot } from './campaignSendClaim';
import { deliverCampaignSend } from './campaignSendDelivery';
import { campaignSentRecorder } from './campaignSentRecorder';
import { campaignWechatFailure } from './campaignWechatFailure';
import { capCounts } from './planPage';
import { sendableAt } from './quietHours';

/** What a one-job sender (the mass send) decided. */
export type SendOutcome =
  | { kind: 'done' }
  /** Quiet hours: the send waits until `wakeAt` (the caller enqueues it for then). */
  | { kind: 'wait'; wakeAt: number };

/**
 * What {@link campaignSender} decided for a batch: done, or these records wait until
 * `wakeAt` (quiet hours, or another job's lease on them).
 */
export type BatchSendOutcome = { kind: 'done' } | { kind: 'wait'; wakeAt: number; sendIds: string[] };

/** What {@link campaignSender} needs. */
export interface CampaignSendInput {
  system: System;
  /** Send records of one campaign run; those no longer pending are passed over. */
  sendIds: string[];
  generation: number;
  /** True on the job's last attempt: a failure that would be retried is recorded as final. */
  lastAttempt: boolean;
  log: Logger;
  now?: Date;
}

/**
 * One member's send: claim (skipped unless pending, not held by another job and the
 * campaign active), a slot of the send rate, the call, and the outcome recorded. WeChat
 * failures are mapped by their gateway action (campaignWechatFailure); those worth retrying
 * are rethrown. Resolves with the lease's end when another job holds the record.
 */
async function sendOne(input: CampaignSendInput, campaign: Campaign, send: CampaignSend): Promise<Date | null> {
  const { system } = input;
  const claim = await claimCampaignSend(system, campaign, send, input.generation);
  if (claim.kind === 'held') return claim.until;
  if (claim.kind === 'gone' || !(await takeSendSlot(system, send, input.generation))) return null;
  let msgId: string | null;
  try {
    msgId = await deliverCampaignSend(system, campaign, send);
  } catch (error) {
    try {
      if (!(error instanceof WechatApiError)) throw error;
      await campaignWechatFailure({ system, campaign, send, error, lastAttempt: input.lastAttempt, log: input.log });
      return null;
    } finally {
      // Not sent (or settled): a retry or a resume may take it at once.
      await releaseCampaignSend(system, send.id);
    }
  }
  await campaignSentRecorder(system).record(campaign, send, msgId);
  return null;
}

/**
 * The sends of a group whose members are still under the campaign's frequency cap, counted
 * again right before sending: another campaign planned at the same time may have reached
 * them since this one was planned. The others are skipped (`frequency_cap`).
 */
async function withinFrequencyCap(system: System, campaign: Campaign, group: CampaignSend[], now: Date): Promise<CampaignSend[]> {
  const cap = campaign.frequencyCap;
  if (!cap) return group;
  const counts = await capCounts(system.dataSource.manager, cap, group[0]!.runId, group.map((send) => Number(send.memberId)), now, false);
  const over = group.filter((send) => (counts.get(Number(send.memberId)) ?? 0) >= cap.maxSends);
  if (over.length === 0) return group;
  await system.dataSource.query(
    `UPDATE campaign_sends SET state = 'skipped', skip_reason = 'frequency_cap'
     WHERE id IN (?) AND state = 'pending' AND (claimed_until IS NULL OR claimed_until < NOW(3))`,
    [over.map((send) => send.id)],
  );
  return group.filter((send) => !over.includes(send));
}

/**
 * Runs `work` over `items`, at most `limit` at a time, and settles them all: one failure
 * does not abandon the sends already in flight, whose outcomes must be recorded.
 */
async function settleWithConcurrency<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item).catch((error: unknown) => errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return errors;
}

/**
 * Sends a batch of one campaign's records, each exactly once: the pending records are read
 * in one query, then sent `campaigns.sendBatchConcurrency` at a time, each claimed on its own
 * (so that overlapping batches and retries never send twice, see claimCampaignSend) and
 * paced by the send rate; the run is checked for completion once at the end. In quiet hours
 * nothing is sent and the records wait; records another job holds wait for its lease. A
 * failure worth retrying is rethrown after the rest of the batch settled, so that Bull
 * retries the batch: what was sent is no longer pending, and the failed record goes again
 * (a template with its client_msg_id; see campaignWechatFailure for what is never retried).
 */
export async function campaignSender(input: CampaignSendInput): Promise<BatchSendOutcome> {
  const { system } = input;
  const now = input.now ?? new Date();
  if (input.sendIds.length === 0) return { kind: 'done' };
  const sends = await system.dataSource.getRepository(CampaignSend).find({ where: { id: In(input.sendIds), state: 'pending' }, order: { id: 'ASC' } });
  const byCampaign = new Map<string, CampaignSend[]>();
  for (const send of sends) {
    if (!send.openid) continue;
    if (byCampaign.has(send.campaignId)) byCampaign.get(send.campaignId)!.push(send);
    else byCampaign.set(send.campaignId, [send]);
  }
  const waiting: { wakeAt: number; sendIds: string[] } = { wakeAt: 0, sendIds: [] };
  const errors: unknown[] = [];
  const runIds = new Set<string>();
  for (const [campaignId, group] of byCampaign) {
    const campaign = await campaignForSends(system, campaignId);
    if (!campaign) continue;
    const wakeAt = sendableAt(now, campaign.quietHours, system.config.membership.timeZone);
    if (wakeAt > now) {
      if (await campaignStillCurrent(system, campaignId, input.generation)) {
        waiting.wakeAt = Math.max(waiting.wakeAt, wakeAt.getTime());
        waiting.sendIds.push(...group.map((send) => send.id));
      }
      continue;
    }
    const sendable = await withinFrequencyCap(system, campaign, group, now);
    const held = new Map<string, number>();
    const failures = await settleWithConcurrency(sendable, system.config.campaigns.sendBatchConcurrency, async (send) => {
      const until = await sendOne(input, campaign, send);
      if (until) held.set(send.id, until.getTime());
    });
    errors.push(...failures);
    if (held.size > 0) {
      // Another job holds these: look again just after its lease ends (sent by then, or free).
      waiting.wakeAt = Math.max(waiting.wakeAt, Math.max(...held.values()) + 250);
      waiting.sendIds.push(...held.keys());
    }
    for (const send of group) runIds.add(send.runId);
  }
  for (const runId of runIds) await campaignCompletion({ dataSource: system.dataSource, runId });
  if (errors.length > 0) throw errors[0];
  if (waiting.sendIds.length === 0) return { kind: 'done' };
  // Ascending, as planned batches are: the job id names the first and the last.
  return { kind: 'wait', wakeAt: waiting.wakeAt, sendIds: waiting.sendIds.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)) };
}
