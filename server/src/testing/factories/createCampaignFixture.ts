import { randomBytes } from 'node:crypto';
import type { CampaignSendState, CampaignSkipReason, CampaignState } from '@toyclub/shared';
import type { System } from '../../system/System';
import { Campaign } from '../../campaigns/Campaign';
import { CampaignRun } from '../../campaigns/CampaignRun';
import { CampaignSend } from '../../campaigns/CampaignSend';

/** One send record to write, as a campaign's planner and send jobs would have left it. */
export interface SendFixture {
  memberId: string;
  state: CampaignSendState;
  variant?: number;
  sentAt?: Date | null;
  /** The record's creation (for a held-out member: the holdout assignment). */
  createdAt?: Date;
  skipReason?: CampaignSkipReason | null;
  errorCode?: number | null;
  wechatMsgId?: string | null;
}

/** A campaign with one run, and a way to add its send records directly (no planner, no WeChat). */
export interface CampaignFixture {
  campaign: Campaign;
  run: CampaignRun;
  addSend(send: SendFixture): Promise<CampaignSend>;
  setState(state: CampaignState): Promise<void>;
}

/**
 * A campaign in `state` with one run planned for `plannedCount` members, written through
 * the campaign engine's entities, for tests of what reads campaigns (progress, reports).
 */
export async function createCampaignFixture(
  system: System,
  options: { state?: CampaignState; plannedCount?: number; holdoutPercent?: number; name?: string } = {},
): Promise<CampaignFixture> {
  const { dataSource } = system;
  const campaign = await dataSource.getRepository(Campaign).save(
    dataSource.getRepository(Campaign).create({
      name: options.name ?? `测试活动${randomBytes(3).toString('hex')}`,
      segmentId: '1',
      channel: 'template',
      content: { purpose: 'service', templateId: 'TPL_EVENT_REMINDER', variants: [{ fields: { thing1: '周末拼装活动' } }] },
      scheduleKind: 'now',
      scheduledAt: null,
      recurrence: null,
      frequencyCap: null,
      quietHours: null,
      holdoutPercent: options.holdoutPercent ?? 0,
      state: options.state ?? 'sending',
      pausedUntil: null,
      stopReason: null,
      plannedCount: options.plannedCount ?? 0,
      generation: 0,
      createdByStaffId: null,
    }),
  );
  const run = await dataSource.getRepository(CampaignRun).save(
    dataSource.getRepository(CampaignRun).create({
      campaignId: campaign.id,
      occurrenceKey: 'once',
      state: 'sending',
      planCursor: '0',
      plannedCount: options.plannedCount ?? 0,
      plannedAt: new Date(),
      completedAt: null,
    }),
  );
  const sends = dataSource.getRepository(CampaignSend);
  return {
    campaign,
    run,
    async addSend(send) {
      const saved = await sends.save(
        sends.create({
          campaignId: campaign.id,
          runId: run.id,
          memberId: send.memberId,
          openid: null,
          variant: send.variant ?? 0,
          state: send.state,
          skipReason: send.skipReason ?? null,
          errorCode: send.errorCode ?? null,
          errorMessage: null,
          clientMsgId: `test-${randomBytes(12).toString('hex')}`,
          wechatMsgId: send.wechatMsgId ?? null,
          attempts: 0,
          notBefore: null,
          sentAt: send.sentAt ?? (send.state === 'sent' || send.state === 'delivered' ? new Date() : null),
          deliveredAt: send.state === 'delivered' ? (send.sentAt ?? new Date()) : null,
        }),
      );
      if (send.createdAt) await dataSource.query('UPDATE campaign_sends SET created_at = ? WHERE id = ?', [send.createdAt, saved.id]);
      return saved;
    },
    async setState(state) {
      await dataSource.getRepository(Campaign).update({ id: campaign.id }, { state });
    },
  };
}

/**
 * A purchase by `memberId` at `purchasedAt`, written directly (no points, no POS), for
 * conversion tests. Plain SQL naming only the columns a conversion reads, so that new
 * purchase columns with defaults never break it.
 */
export async function createPurchaseAt(
  system: System,
  options: { storeId: string; memberId: string; purchasedAt: Date; amountFen: number; refundedFen?: number },
): Promise<string> {
  const result = (await system.dataSource.query(
    `INSERT INTO purchases (store_id, member_id, source, idempotency_key, request_hash, amount_fen, refunded_fen, purchased_at)
     VALUES (?, ?, 'pos', ?, ?, ?, ?, ?)`,
    [options.storeId, options.memberId, `test-${randomBytes(10).toString('hex')}`, randomBytes(32).toString('hex'), options.amountFen, options.refundedFen ?? 0, options.purchasedAt],
  )) as { insertId: number | string };
  return String(result.insertId);
}
