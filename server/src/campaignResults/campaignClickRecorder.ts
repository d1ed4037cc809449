import { errors } from '../app/errors';
import { runInTransaction } from '../db/runInTransaction';
import type { System } from '../system/System';
import type { CampaignClickVia } from './CampaignClick';
import { verifyClickToken } from './clickTokens';

/** A recorded click: where to send the member (web links) and the send's click count so far. */
export interface RecordedClick {
  target: string | null;
  clickCount: number;
}

/**
 * Records one opening of a tracked link: checks the token's signature and expiry (a
 * forged or expired token records nothing), then adds the click to its send's single
 * click row, first click kept. `via` must match the token's kind, so that a page token
 * can never be used as a redirect and the other way round.
 */
export async function campaignClickRecorder(input: { system: System; token: string; via: CampaignClickVia; now: Date }): Promise<RecordedClick> {
  const { system, via, now } = input;
  const verified = verifyClickToken(system.config, input.token, now);
  if (!verified || (via === 'link') !== (verified.target !== null)) throw errors.badRequest('click_link_invalid', '链接无效');
  if (verified.expired) throw errors.gone('click_link_expired', '链接已过期');
  return runInTransaction(system.dataSource, async (manager) => {
    // One statement, so that concurrent clicks on one send add up without a row lock.
    const result = (await manager.query(
      `INSERT INTO campaign_clicks (send_id, campaign_id, member_id, click_count, first_via, first_clicked_at, last_clicked_at)
       SELECT id, campaign_id, member_id, 1, ?, ?, ? FROM campaign_sends WHERE id = ?
       ON DUPLICATE KEY UPDATE click_count = click_count + 1, last_clicked_at = GREATEST(last_clicked_at, VALUES(last_clicked_at))`,
      [via, now, now, verified.sendId],
    )) as { affectedRows: number };
    if (result.affectedRows === 0) throw errors.notFound('campaign_send_not_found', '这条活动消息已不存在');
    const [row] = (await manager.query('SELECT click_count FROM campaign_clicks WHERE send_id = ?', [verified.sendId])) as Array<{ click_count: number }>;
    return { target: verified.target, clickCount: Number(row?.click_count ?? 1) };
  });
}
