import type { DataSource } from 'typeorm';

/** Conversions of one group and variant, as the report query finds them (`unreached`: failed, skipped or pending). */
export interface ConversionFigures {
  group: 'treatment' | 'holdout' | 'unreached';
  variant: number;
  conversions: number;
  purchases: number;
  revenueFen: number;
}

// When the member entered the group: the send for those sent to; for everyone else the
// moment the planner assigned them (the record's creation: a held-out record is never sent).
const ANCHOR = 'COALESCE(s.sent_at, s.created_at)';

/**
 * Conversions, computed from the purchases when the report is read rather than recorded
 * at purchase time: a receipt claimed days later, a refund, a send record whose result
 * came late or a changed window all show up without a second write path to keep right.
 * A purchase counts for a send when it is made within the window after the send (or
 * the holdout assignment), not fully refunded, and no later message actually sent to
 * the member (by any campaign) came before it: it belongs to the latest send. Both
 * groups obey the same rule, so the uplift compares like with like. Revenue is net of
 * refunds. Members never reached (failed, skipped, pending) are counted too, for the
 * intent-to-treat comparison. The join runs on `ix_purchases_member_time` and
 * `ix_campaign_sends_member_sent`.
 */
export async function loadConversions(dataSource: DataSource, campaignId: string, windowDays: number): Promise<ConversionFigures[]> {
  const rows = (await dataSource.query(
    `SELECT grp, variant, COUNT(DISTINCT send_id) AS conversions, COUNT(*) AS purchases, SUM(net_fen) AS revenue
     FROM (
       SELECT s.id AS send_id, s.variant,
              CASE WHEN s.state = 'held_out' THEN 'holdout' WHEN s.state IN ('sent', 'delivered') THEN 'treatment' ELSE 'unreached' END AS grp,
              p.amount_fen - p.refunded_fen AS net_fen
       FROM campaign_sends s
       JOIN purchases p ON p.member_id = s.member_id
        AND p.purchased_at >= ${ANCHOR}
        AND p.purchased_at < ${ANCHOR} + INTERVAL ? DAY
        AND p.amount_fen > p.refunded_fen
       WHERE s.campaign_id = ?
         AND NOT EXISTS (
           SELECT 1 FROM campaign_sends later
           WHERE later.member_id = s.member_id AND later.state IN ('sent', 'delivered')
             AND later.sent_at <= p.purchased_at
             AND (later.sent_at > ${ANCHOR} OR (later.sent_at = ${ANCHOR} AND later.id > s.id))
         )
     ) attributed
     GROUP BY grp, variant`,
    [windowDays, campaignId],
  )) as Array<{ grp: ConversionFigures['group']; variant: number; conversions: string | number; purchases: string | number; revenue: string | number | null }>;
  return rows.map((row) => ({
    group: row.grp,
    variant: Number(row.variant),
    conversions: Number(row.conversions),
    purchases: Number(row.purchases),
    revenueFen: Number(row.revenue ?? 0),
  }));
}
