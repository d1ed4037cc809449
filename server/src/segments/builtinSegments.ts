import type { BuiltinSegmentCode } from '@toyclub/shared';
import type { SegmentsConfig } from './segmentsConfigSchema';
import { combine, fragment, type SqlFragment } from './sqlFragment';
import { DAY_MS } from '../time/dayMs';


function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * The SQL condition (over `members m LEFT JOIN member_stats s`) of a built-in segment.
 * Conditions on `s` columns exclude members without statistics, which is right: none of
 * the purchase-based segments contains a member who never bought.
 */
export function builtinCondition(code: BuiltinSegmentCode, thresholds: SegmentsConfig['builtin'], now: Date): SqlFragment {
  const t = thresholds;
  const recent = fragment('s.last_purchase_at >= ?', daysBefore(now, t.recentDays));
  switch (code) {
    case 'high_freq_low_ticket':
      return fragment('s.count_365d >= ? AND s.average_ticket_fen <= ?', t.highFrequencyCount365d, t.lowTicketMaxFen);
    case 'low_freq_high_ticket':
      return fragment('s.count_365d BETWEEN 1 AND ? AND s.average_ticket_fen >= ?', t.lowFrequencyMaxCount365d, t.highTicketMinFen);
    case 'high_value':
      return combine('and', [recent, fragment('s.spend_365d_fen >= ? AND s.count_365d >= ?', t.highValueSpend365dFen, t.frequentCount365d)]);
    case 'developing':
      return combine('and', [recent, fragment('s.spend_365d_fen >= ? AND s.count_365d < ?', t.highValueSpend365dFen, t.frequentCount365d)]);
    case 'regular':
      return fragment(
        's.count_365d >= 1 AND s.spend_365d_fen < ? AND s.last_purchase_at >= ?',
        t.highValueSpend365dFen,
        daysBefore(now, t.dormantDays),
      );
    case 'dormant':
      return fragment('s.last_purchase_at < ?', daysBefore(now, t.dormantDays));
    case 'churn_risk':
      // The member's own rhythm: late by more than factor × their usual interval.
      return fragment(
        `s.purchase_count >= ? AND s.average_interval_days IS NOT NULL
         AND TIMESTAMPDIFF(SECOND, s.last_purchase_at, ?) > ? * 86400 * GREATEST(s.average_interval_days, ?)`,
        t.churnMinPurchases,
        now,
        t.churnIntervalFactor,
        t.churnMinIntervalDays,
      );
    case 'new_member':
      return fragment('m.created_at >= ?', daysBefore(now, t.newMemberDays));
  }
}

const yuan = (fenValue: number): string => `${(fenValue / 100).toFixed(fenValue % 100 === 0 ? 0 : 2)} 元`;

/** How a built-in segment is defined, with its configured thresholds, for the console. */
export function builtinDescription(code: BuiltinSegmentCode, t: SegmentsConfig['builtin']): string {
  switch (code) {
    case 'high_freq_low_ticket':
      return `近 365 天消费 ≥ ${t.highFrequencyCount365d} 次，平均客单价 ≤ ${yuan(t.lowTicketMaxFen)}`;
    case 'low_freq_high_ticket':
      return `近 365 天消费 1-${t.lowFrequencyMaxCount365d} 次，平均客单价 ≥ ${yuan(t.highTicketMinFen)}`;
    case 'high_value':
      return `${t.recentDays} 天内有消费，近 365 天消费 ≥ ${yuan(t.highValueSpend365dFen)} 且 ≥ ${t.frequentCount365d} 次`;
    case 'developing':
      return `${t.recentDays} 天内有消费，近 365 天消费 ≥ ${yuan(t.highValueSpend365dFen)} 但少于 ${t.frequentCount365d} 次`;
    case 'regular':
      return `${t.dormantDays} 天内有消费，近 365 天消费 < ${yuan(t.highValueSpend365dFen)}`;
    case 'dormant':
      return `消费过，但已超过 ${t.dormantDays} 天没有消费`;
    case 'churn_risk':
      return `至少消费 ${t.churnMinPurchases} 次，距上次消费超过平时间隔的 ${t.churnIntervalFactor} 倍（间隔至少按 ${t.churnMinIntervalDays} 天计）`;
    case 'new_member':
      return `${t.newMemberDays} 天内注册`;
  }
}
