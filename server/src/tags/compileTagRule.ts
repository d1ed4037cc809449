import type { TagCondition, TagRule } from '@toyclub/shared';
import { combine, fragment, type SqlFragment } from '../segments/sqlFragment';
import { DAY_MS } from '../time/dayMs';


/** Purchases of `m` that still count: not fully refunded, within the window if one is given. */
function purchasesOf(withinDays: number | undefined, now: Date): SqlFragment {
  if (withinDays === undefined) return fragment('p.member_id = m.id AND p.refunded_fen < p.amount_fen');
  return fragment('p.member_id = m.id AND p.refunded_fen < p.amount_fen AND p.purchased_at >= ?', new Date(now.getTime() - withinDays * DAY_MS));
}

/** `lower <= expr <= upper`, either bound optional. */
function between(expr: string, min: number | undefined, max: number | undefined): SqlFragment {
  const parts: SqlFragment[] = [];
  if (min !== undefined) parts.push(fragment(`${expr} >= ?`, min));
  if (max !== undefined) parts.push(fragment(`${expr} <= ?`, max));
  return combine('and', parts);
}

// Aggregates without GROUP BY always give one row (zero purchases included), so
// `EXISTS (... HAVING ...)` tests an aggregate; MariaDB refuses outer references inside
// derived tables, which rules out `(SELECT ... FROM (subquery))`.
function compileCondition(condition: TagCondition, now: Date): SqlFragment {
  switch (condition.kind) {
    case 'categoryPurchases': {
      const scope = purchasesOf(condition.withinDays, now);
      return fragment(
        `(SELECT COUNT(*) FROM purchases p WHERE ${scope.sql}
               AND EXISTS (SELECT 1 FROM purchase_items i WHERE i.purchase_id = p.id AND i.category = ?)) >= ?`,
        ...scope.params,
        condition.category,
        condition.minPurchases,
      );
    }
    case 'discountShare': {
      const scope = purchasesOf(condition.withinDays, now);
      return fragment(
        `EXISTS (SELECT 1 FROM purchases p WHERE ${scope.sql}
               HAVING COUNT(*) >= ? AND SUM(p.discount_fen > 0) * 100 >= ? * COUNT(*))`,
        ...scope.params,
        condition.minPurchases,
        condition.minPercent,
      );
    }
    case 'spend': {
      const scope = purchasesOf(condition.withinDays, now);
      const range = between('COALESCE(SUM(p.amount_fen - p.refunded_fen), 0)', condition.minFen, condition.maxFen);
      return fragment(`EXISTS (SELECT 1 FROM purchases p WHERE ${scope.sql} HAVING ${range.sql})`, ...scope.params, ...range.params);
    }
    case 'purchaseCount': {
      const scope = purchasesOf(condition.withinDays, now);
      const range = between('COUNT(*)', condition.min, condition.max);
      return fragment(`EXISTS (SELECT 1 FROM purchases p WHERE ${scope.sql} HAVING ${range.sql})`, ...scope.params, ...range.params);
    }
  }
}

/**
 * Compiles a tag rule into one SQL predicate on `members m` (the segments' parameterised
 * {@link SqlFragment}), so that a rule is evaluated by the database for a single member or
 * a whole keyset batch with the same code.
 */
export function compileTagRule(rule: TagRule, now: Date): SqlFragment {
  return combine('and', rule.all.map((condition) => compileCondition(condition, now)));
}
