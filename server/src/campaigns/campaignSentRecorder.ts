import { runInTransaction } from '../db/runInTransaction';
import { recordTemplateSends } from '../officialAccount/templateSends/templateSendRecords';
import type { System } from '../system/System';
import type { Campaign } from './Campaign';
import type { CampaignSend } from './CampaignSend';
import { applyCampaignDelivery } from './campaignDeliveryListener';

/** A send WeChat accepted, to be recorded. */
interface SentSend {
  campaign: Campaign;
  send: CampaignSend;
  msgId: string | null;
  sentAt: Date;
}

/** The most sends one transaction records. */
const MAX_GROUP = 200;

/**
 * Records accepted sends: each record `sent` with its msgid, its template send registered
 * so that TEMPLATESENDJOBFINISH marks it delivered (applied at once when the result beat
 * this commit), and a subscribe grant used up, all in one transaction per group.
 */
async function writeSentGroup(system: System, group: SentSend[]): Promise<void> {
  const msgIdCases = group.map(() => 'WHEN ? THEN ?').join(' ');
  const sentAtCases = group.map(() => 'WHEN ? THEN ?').join(' ');
  await runInTransaction(system.dataSource, async (manager) => {
    // A cancel that came while the call was in flight marked it skipped; it did go out.
    await manager.query(
      `UPDATE campaign_sends SET state = 'sent', skip_reason = NULL, error_code = NULL, error_message = NULL, claimed_until = NULL,
         wechat_msg_id = CASE id ${msgIdCases} END, sent_at = CASE id ${sentAtCases} END
       WHERE id IN (?) AND (state = 'pending' OR skip_reason = 'cancelled')`,
      [...group.flatMap((entry) => [entry.send.id, entry.msgId]), ...group.flatMap((entry) => [entry.send.id, entry.sentAt]), group.map((entry) => entry.send.id)],
    );
    const templates = group.filter((entry) => entry.msgId !== null);
    const early = await recordTemplateSends(
      manager,
      templates.map((entry) => ({
        msgId: entry.msgId!,
        openid: entry.send.openid!,
        templateId: entry.campaign.content.templateId!,
        source: 'campaign',
        sourceRef: entry.send.id,
        sentAt: entry.sentAt,
      })),
    );
    for (const result of early) {
      const entry = templates.find((candidate) => candidate.msgId === result.msgId)!;
      await applyCampaignDelivery(manager, { source: 'campaign', sourceRef: entry.send.id, status: result.status, detail: result.detail });
    }
    for (const entry of group) {
      if (entry.campaign.channel !== 'subscribe') continue;
      await manager.query('UPDATE oa_subscribe_grants SET remaining = remaining - 1 WHERE openid = ? AND template_id = ? AND remaining > 0', [
        entry.send.openid,
        entry.campaign.content.templateId,
      ]);
    }
  });
}

/**
 * Groups the writes of a process's sends the way a database groups commits: the first send
 * is written at once, and those that WeChat accepts while a write is in flight go together
 * in the next one, so that under load a transaction records many sends instead of one (a
 * send's own transaction cost as much as the rest of it) and at rest nothing waits. Each
 * send's promise settles when its record is committed.
 */
export class CampaignSentRecorder {
  private readonly waiting: Array<{ entry: SentSend; resolve: () => void; reject: (error: unknown) => void }> = [];
  private writing = false;

  constructor(private readonly system: System) {}

  /** Records one accepted send; resolves once it is committed. */
  record(campaign: Campaign, send: CampaignSend, msgId: string | null): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry: { campaign, send, msgId, sentAt: new Date() }, resolve, reject });
      if (!this.writing) void this.writeAll();
    });
  }

  private async writeAll(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, MAX_GROUP);
        try {
          await writeSentGroup(
            this.system,
            group.map(({ entry }) => entry),
          );
          for (const { resolve } of group) resolve();
        } catch (error) {
          for (const { reject } of group) reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

const recorders = new WeakMap<System, CampaignSentRecorder>();

/** The process's recorder for this system. */
export function campaignSentRecorder(system: System): CampaignSentRecorder {
  let recorder = recorders.get(system);
  if (!recorder) {
    recorder = new CampaignSentRecorder(system);
    recorders.set(system, recorder);
  }
  return recorder;
}
