import type { DataSource, EntityManager } from 'typeorm';
import type { TemplateSendStatus } from './TemplateSend';

/** A template message WeChat accepted, as its sender records it. */
export interface TemplateSendRecord {
  /** The `msgid` the gateway's `sendTemplate` returned (64-bit, as a string). */
  msgId: string;
  openid: string;
  templateId: string;
  /** The sending feature, e.g. `campaign` or `points_notice`. */
  source: string;
  /** The sender's own record id, so that its listener can find it again. */
  sourceRef?: string | null;
  sentAt?: Date;
}

/** The delivery result of a template send, as TEMPLATESENDJOBFINISH reports it. */
export interface TemplateSendResult {
  msgId: string;
  openid: string;
  status: Exclude<TemplateSendStatus, 'sent'>;
  /** WeChat's own status text. */
  detail: string;
  source: string;
  sourceRef: string | null;
}

/**
 * Records a template send right after WeChat accepted it. Any sender (campaigns, notices)
 * calls it; if the delivery result already arrived (the push can beat the sender's
 * commit), the result is kept and only the sender's fields are filled in; resolves true
 * then, so that the sender applies that result to its own record.
 */
export async function recordTemplateSend(db: DataSource | EntityManager, record: TemplateSendRecord): Promise<boolean> {
  const result = await upsertTemplateSends(db, [record]);
  // MariaDB counts an ON DUPLICATE KEY UPDATE that changed the row as 2.
  return result.affectedRows === 2;
}

/** Inserts the sends as `sent`, or fills the sender's fields into a row a delivery result created first (its status kept). */
function upsertTemplateSends(db: DataSource | EntityManager, records: TemplateSendRecord[]): Promise<{ affectedRows: number }> {
  const rows = records.map((record) => [record.msgId, record.openid, record.templateId, record.source, record.sourceRef ?? null, 'sent', record.sentAt ?? new Date()]);
  return db.query(
    `INSERT INTO wechat_template_sends (msgid, openid, template_id, source, source_ref, status, sent_at) VALUES ?
     ON DUPLICATE KEY UPDATE openid = VALUES(openid), template_id = VALUES(template_id), source = VALUES(source),
       source_ref = VALUES(source_ref), sent_at = VALUES(sent_at)`,
    [rows],
  ) as Promise<{ affectedRows: number }>;
}

/** A delivery result that arrived before its send was recorded, as {@link recordTemplateSends} finds it. */
export interface EarlyTemplateResult {
  msgId: string;
  status: TemplateSendResult['status'];
  detail: string;
}

/**
 * Records several template sends in one statement (a sender that groups its writes);
 * resolves with the delivery results that had already arrived for some of them (see
 * {@link recordTemplateSend}), for the sender to apply to its own records.
 */
export async function recordTemplateSends(db: DataSource | EntityManager, records: TemplateSendRecord[]): Promise<EarlyTemplateResult[]> {
  if (records.length === 0) return [];
  await upsertTemplateSends(db, records);
  // A result that came first was kept by the upsert (its status is not 'sent').
  const early = (await db.query("SELECT msgid, status, status_detail FROM wechat_template_sends WHERE msgid IN (?) AND status <> 'sent'", [
    records.map((record) => record.msgId),
  ])) as Array<{ msgid: string | number; status: TemplateSendResult['status']; status_detail: string | null }>;
  return early.map((row) => ({ msgId: String(row.msgid), status: row.status, detail: row.status_detail ?? '' }));
}

/**
 * Listeners told of every delivery result, inside the transaction that records it: a
 * sending feature appends one here to update its own send records (for example the
 * campaign's per-member record found by `source` and `sourceRef`).
 */
export const TEMPLATE_SEND_LISTENERS: Array<(manager: EntityManager, result: TemplateSendResult) => Promise<void>> = [];
