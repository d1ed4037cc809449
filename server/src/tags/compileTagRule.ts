import type { TagCondition, TagRule } from '@toyclub/shared';

/** A SQL boolean expression over the member alias `m`, with its positional parameters. */
export interface SqlPredicate {
  sql: string;
  params: unknown[];
}

const DAY_MS = 86_400_000;

/** Purchases of `m` that still count: not fully refunded, within the window if one is given. */
function purchasesOf(withinDays: number | undefined, now: Date): SqlPredicate {
  if (withinDays === undefined) return { sql: 'p.member_id = m.id AND p.refunded_fen < p.amount_fen', params: [] };
  return {
    sql: 'p.member_id = m.id AND p.refunded_fen < p.amount_fen AND p.purchased_at >= ?',
    params: [new Date(now.getTime() - withinDays * DAY_MS)],
  };
}

/** `lower <= expr <= upper`, either bound optional. */
function between(expr: string, min: number | undefined, max: number | undefined): SqlPredicate {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (min !== undefined) {
    parts.push(`${expr} >= ?`);
    params.push(min);
  }
  if (max !== undefined) {
    parts.push(`${expr} <= ?`);
    params.push(max);
  }
  return { sql: parts.join(' AND ') || 'TRUE', params };
}

// Aggregates without GROUP BY always give one row (zero purchases included), so
// `EXISTS (... HAVING ...)` tests an aggregate; MariaDB refuses outer references inside
// derived tables, which rules out `(SELECT ... FROM (subquery))`.
function compileCondition(condition: TagCondition, now: Date): SqlPredicate {
  switch (condition.kind) {
    case 'categoryPurchases': {
      const scope = purchasesOf(condition.withinDays, now);
      return {
        sql: `(SELECT COUNT(*) FROM purchases p WHERE ${scope.sql}
               AND EXISTS (SELECT 1 FROM purchase_items i WHERE i.purchase_id = p.id AND i.category = ?)) >= ?`,
        params: [...scope.params, condition.category, condition.minPurchases],
      };
    }
    case 'discountShare': {
      const scope = purchasesOf(condition.withinDays, now);
      return {
        sql: `EXISTS (SELECT 1 FROM purchases p WHERE ${scope.sql}
               HAVING COUNT(*) >= ? AND SUM(p.discount_fen > 0) * 100 >= ? * COUNT(*))`,
        params: [...scope.params, condition.minPurchases, condition.minPercent],
      };
    }
    case 'spend': {
      const scope = purchasesOf(condition.withinDays, now);
      const range = between('COALESCE(SUM(p.amount_fen - p.refunded_fen), 0)', condition.minFen, condition.maxFen);
      return { sql: `EXISTS (SELECT 1 FROM purchases p WHERE ${scope.sql} HAVING ${range.sql})`, params: [...scope.params, ...range.params] };
    }
    case 'purchaseCount': {
      const scope = purchasesOf(condition.withinDays, now);
      const range = between('COUNT(*)', condition.min, condition.max);
      return { sql: `EXISTS (SELECT 1 FROM purchases p WHERE ${scope.sql} HAVING ${range.sql})`, params: [...scope.params, ...range.params] };
    }
  }
}

/**
 * Compiles a tag rule into one SQL predicate on `members m`, so that a rule is evaluated
 * by the database for a single member or a whole keyset batch with the same code.
 */
export function compileTagRule(rule: TagRule, now: Date): SqlPredicate {
  const compiled = rule.all.map((condition) => compileCondition(condition, now));
  return { sql: compiled.map((part) => `(${part.sql})`).join(' AND '), params: compiled.flatMap((part) => part.params) };
}
