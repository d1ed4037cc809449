import type { SegmentDefinition, SegmentGroup, SegmentRule } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import { builtinCondition } from './builtinSegments';
import { birthdayWindows, calendarDate, monthsBeforeNumber } from './childDates';
import { combine, fragment, inList, type SqlFragment } from './sqlFragment';

const DAY_MS = 86_400_000;

/** What a compilation depends on besides the definition. */
export interface CompileContext {
  config: Pick<AppConfig, 'segments' | 'membership'>;
  now: Date;
}

/** The FROM clause every compiled condition is written against. */
export const SEGMENT_FROM = 'members m LEFT JOIN member_stats s ON s.member_id = m.id';

/**
 * A statistics range: members without statistics count as 0, so a range that admits 0
 * keeps them (`IS NULL OR`), and one that does not can be answered from the index alone.
 */
function statsRange(column: string, min: number | undefined, max: number | undefined): SqlFragment {
  const parts: SqlFragment[] = [];
  if (min !== undefined && min > 0) parts.push(fragment(`${column} >= ?`, min));
  if (max !== undefined) parts.push(fragment(`${column} <= ?`, max));
  const bounded = combine('and', parts);
  if (min !== undefined && min > 0) return bounded;
  return parts.length === 0 ? fragment('1 = 1') : fragment(`${column} IS NULL OR (${bounded.sql})`, ...bounded.params);
}

function childExists(condition: SqlFragment): SqlFragment {
  // Parenthesised: an OR inside must not escape the correlation on the member.
  return fragment(`EXISTS (SELECT 1 FROM children c WHERE c.member_id = m.id AND (${condition.sql}))`, ...condition.params);
}

function compileRule(rule: SegmentRule, context: CompileContext): SqlFragment {
  const { now, config } = context;
  switch (rule.kind) {
    case 'builtin':
      return builtinCondition(rule.segment, config.segments.builtin, now);
    case 'tier':
      return inList('m.tier_code', rule.tiers);
    case 'tag':
      return fragment(`EXISTS (SELECT 1 FROM member_tags mt WHERE mt.member_id = m.id AND (${inList('mt.tag_id', rule.tagIds).sql}))`, ...rule.tagIds);
    case 'spend':
      return statsRange(rule.window === 'total' ? 's.total_spend_fen' : 's.spend_365d_fen', rule.minFen, rule.maxFen);
    case 'frequency':
      return statsRange(rule.window === '90d' ? 's.count_90d' : 's.count_365d', rule.min, rule.max);
    case 'days_since_last_purchase': {
      // Whole days since the last purchase in [min, max], as bounds on the indexed column.
      const parts = [fragment('s.last_purchase_at IS NOT NULL')];
      if (rule.min !== undefined) parts.push(fragment('s.last_purchase_at <= ?', new Date(now.getTime() - rule.min * DAY_MS)));
      if (rule.max !== undefined) parts.push(fragment('s.last_purchase_at > ?', new Date(now.getTime() - (rule.max + 1) * DAY_MS)));
      return combine('and', parts);
    }
    case 'child_age_months': {
      const today = calendarDate(now, config.membership.timeZone);
      const birth = 'c.birth_year * 10000 + c.birth_month * 100 + c.birth_day';
      const parts = [fragment('c.birth_year IS NOT NULL')];
      // Age ≥ min ⇔ born on or before today − min months; age ≤ max ⇔ born after today − (max + 1) months.
      if (rule.min !== undefined) parts.push(fragment(`${birth} <= ?`, monthsBeforeNumber(today, rule.min)));
      if (rule.max !== undefined) parts.push(fragment(`${birth} > ?`, monthsBeforeNumber(today, rule.max + 1)));
      return childExists(combine('and', parts));
    }
    case 'child_birthday_within': {
      const today = calendarDate(now, config.membership.timeZone);
      const windows = birthdayWindows(today, rule.days).map((window) => {
        const months = inList('c.birth_month', window.months);
        return fragment(`${months.sql} AND c.birth_month * 100 + c.birth_day BETWEEN ? AND ?`, ...months.params, window.from, window.to);
      });
      return childExists(combine('or', windows));
    }
    case 'registration_channel':
      return inList('m.registration_channel', rule.channels);
    case 'registration_store':
      return inList('m.registration_store_id', rule.storeIds);
    case 'reachability': {
      const condition =
        rule.channel === 'official_account'
          ? 'EXISTS (SELECT 1 FROM oa_followers f WHERE f.member_id = m.id AND f.reachable = 1 AND f.subscribed = 1)'
          : "m.openid <> ''";
      return fragment(rule.reachable ? condition : `NOT (${condition})`);
    }
  }
}

function compileGroup(group: SegmentGroup, context: CompileContext): SqlFragment {
  return combine(
    group.op,
    group.rules.map((item) => ('op' in item ? compileGroup(item, context) : compileRule(item, context))),
  );
}

/**
 * Compiles a validated definition to one parameterised WHERE condition over
 * {@link SEGMENT_FROM}, deleted members excluded. Values are always bound, never
 * spliced, so a definition cannot inject SQL.
 */
export function compileSegment(definition: SegmentDefinition, context: CompileContext): SqlFragment {
  const body = compileGroup(definition, context);
  return fragment(`m.deleted_at IS NULL AND (${body.sql})`, ...body.params);
}
