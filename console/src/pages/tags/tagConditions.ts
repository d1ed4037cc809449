import { TOY_CATEGORY_LABELS } from '@toyclub/shared';
import type { TagCondition, TagRule } from '@toyclub/shared';

/** The condition kinds of a dynamic tag, as the console names them. */
export const CONDITION_LABELS: Record<TagCondition['kind'], string> = {
  categoryPurchases: '某品类购买次数',
  discountShare: '折扣购买占比',
  spend: '消费金额',
  purchaseCount: '消费次数',
};

/** A fresh condition of `kind` with values the server accepts. */
export function defaultCondition(kind: TagCondition['kind']): TagCondition {
  switch (kind) {
    case 'categoryPurchases':
      return { kind, category: Object.keys(TOY_CATEGORY_LABELS)[0] as keyof typeof TOY_CATEGORY_LABELS, minPurchases: 3, withinDays: 90 };
    case 'discountShare':
      return { kind, minPercent: 60, minPurchases: 3 };
    case 'spend':
      return { kind, minFen: 1000_00, withinDays: 365 };
    case 'purchaseCount':
      return { kind, min: 3, withinDays: 365 };
  }
}

/** A dynamic tag's rule in one line of Chinese, for the tag list. */
export function describeRule(rule: TagRule | null): string {
  if (!rule) return '手动标签';
  return rule.all
    .map((condition) => {
      const within = 'withinDays' in condition && condition.withinDays ? `近 ${condition.withinDays} 天` : '累计';
      switch (condition.kind) {
        case 'categoryPurchases':
          return `${within}购买「${TOY_CATEGORY_LABELS[condition.category]}」≥ ${condition.minPurchases} 次`;
        case 'discountShare':
          return `${within}折扣购买占比 ≥ ${condition.minPercent}%（至少 ${condition.minPurchases} 次购买）`;
        case 'spend':
          return `${within}消费 ${condition.minFen === undefined ? '' : `≥ ¥${condition.minFen / 100}`}${condition.maxFen === undefined ? '' : ` ≤ ¥${condition.maxFen / 100}`}`;
        case 'purchaseCount':
          return `${within}消费次数 ${condition.min === undefined ? '' : `≥ ${condition.min}`}${condition.max === undefined ? '' : ` ≤ ${condition.max}`}`;
      }
    })
    .join('，且');
}
