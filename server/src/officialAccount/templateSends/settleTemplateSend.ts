import type { DataSource } from 'typeorm';
import { runInTransaction } from '../../db/runInTransaction';
import { actionForTemplateDeliveryStatus } from '../../wechat/gateway/wechatErrorActions';
import { markFollowerUnreachable } from '../followers/markFollowerUnreachable';
import type { TemplateSendStatus } from './TemplateSend';
import type { TemplateSendResult } from './templateSendRecords';
import { TEMPLATE_SEND_LISTENERS } from './templateSendRecords';

/** `success` → delivered, `failed:user block` → blocked, anything else → failed. */
export function deliveryStatusOf(status: string): Exclude<TemplateSendStatus, 'sent'> {
  const action = actionForTemplateDeliveryStatus(status);
  if (action === null) return 'delivered';
  return action === 'memberUnreachable' ? 'blocked' : 'failed';
}

/**
 * Applies a TEMPLATESENDJOBFINISH result to the matching send record, whichever feature
 * sent it (a result for an unknown msgid is kept, for the sender's record to find), marks
 * a follower who blocked the account unreachable, and tells the senders' listeners.
 */
export async function settleTemplateSend(
  dataSource: DataSource,
  input: { msgId: string; openid: string; status: string; at: Date },
): Promise<TemplateSendResult> {
  const status = deliveryStatusOf(input.status);
  const detail = input.status.slice(0, 64);
  return runInTransaction(dataSource, async (manager) => {
    await manager.query(
      `INSERT INTO wechat_template_sends (msgid, openid, status, status_detail, finished_at) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE status = VALUES(status), status_detail = VALUES(status_detail), finished_at = VALUES(finished_at)`,
      [input.msgId, input.openid, status, detail, input.at],
    );
    const [row] = (await manager.query('SELECT source, source_ref FROM wechat_template_sends WHERE msgid = ?', [input.msgId])) as Array<{
      source: string;
      source_ref: string | null;
    }>;
    if (status === 'blocked') await markFollowerUnreachable(manager, input.openid, 'blocked', input.at);
    const result: TemplateSendResult = { msgId: input.msgId, openid: input.openid, status, detail, source: row?.source ?? 'unknown', sourceRef: row?.source_ref ?? null };
    for (const listener of TEMPLATE_SEND_LISTENERS) await listener(manager, result);
    return result;
  });
}
