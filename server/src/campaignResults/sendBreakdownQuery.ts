import type { DataSource } from 'typeorm';

/** One group of a campaign's send records, as {@link loadSendBreakdown} counts them. */
export interface SendBreakdownRow {
  variant: number;
  state: string;
  skipReason: string | null;
  errorCode: number | null;
  /** The template delivery report (`delivered`, `blocked`, `failed`), when one arrived. */
  deliveryStatus: string | null;
  deliveryDetail: string | null;
  count: number;
  uniqueClicks: number;
  totalClicks: number;
}

/**
 * Every send record of the campaign (all runs) grouped by variant, state, skip reason,
 * error and delivery report, with their clicks. The delivery report is read from
 * `wechat_template_sends` by msgid, not only from the record's state, so that a report
 * WeChat pushed before the send record had its msgid still counts.
 */
export async function loadSendBreakdown(dataSource: DataSource, campaignId: string): Promise<SendBreakdownRow[]> {
  const rows = (await dataSource.query(
    `SELECT s.variant, s.state, s.skip_reason, s.error_code, t.status AS delivery_status, t.status_detail AS delivery_detail,
            COUNT(*) AS n, COUNT(c.send_id) AS unique_clicks, COALESCE(SUM(c.click_count), 0) AS total_clicks
     FROM campaign_sends s
     LEFT JOIN wechat_template_sends t ON t.msgid = s.wechat_msg_id
     LEFT JOIN campaign_clicks c ON c.send_id = s.id
     WHERE s.campaign_id = ?
     GROUP BY s.variant, s.state, s.skip_reason, s.error_code, t.status, t.status_detail`,
    [campaignId],
  )) as Array<{
    variant: number;
    state: string;
    skip_reason: string | null;
    error_code: number | null;
    delivery_status: string | null;
    delivery_detail: string | null;
    n: string | number;
    unique_clicks: string | number;
    total_clicks: string | number;
  }>;
  return rows.map((row) => ({
    variant: Number(row.variant),
    state: row.state,
    skipReason: row.skip_reason,
    errorCode: row.error_code === null ? null : Number(row.error_code),
    deliveryStatus: row.delivery_status,
    deliveryDetail: row.delivery_detail,
    count: Number(row.n),
    uniqueClicks: Number(row.unique_clicks),
    totalClicks: Number(row.total_clicks),
  }));
}
