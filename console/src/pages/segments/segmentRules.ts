import type { SegmentGroup, SegmentRule, SegmentRuleKind } from '@toyclub/shared';

/** The rule builder's names of the rule kinds. */
export const RULE_KIND_LABELS: Record<SegmentRuleKind, string> = {
  builtin: '内置人群',
  tier: '会员等级',
  tag: '标签',
  spend: '消费金额',
  frequency: '消费次数',
  days_since_last_purchase: '距上次消费天数',
  child_age_months: '孩子月龄',
  child_birthday_within: '孩子生日临近',
  registration_channel: '注册渠道',
  registration_store: '注册门店',
  reachability: '可触达',
};

/** A fresh rule of `kind` with values the server accepts, so that a new row previews at once. */
export function defaultRule(kind: SegmentRuleKind): SegmentRule {
  switch (kind) {
    case 'builtin':
      return { kind, segment: 'high_value' };
    case 'tier':
      return { kind, tiers: [] };
    case 'tag':
      return { kind, tagIds: [] };
    case 'spend':
      return { kind, window: 'total', minFen: 100_00 };
    case 'frequency':
      return { kind, window: '90d', min: 1 };
    case 'days_since_last_purchase':
      return { kind, min: 30 };
    case 'child_age_months':
      return { kind, min: 12, max: 36 };
    case 'child_birthday_within':
      return { kind, days: 30 };
    case 'registration_channel':
      return { kind, channels: [] };
    case 'registration_store':
      return { kind, storeIds: [] };
    case 'reachability':
      return { kind, channel: 'official_account', reachable: true };
  }
}

/** True for a nested group rather than a rule. */
export function isGroup(node: SegmentRule | SegmentGroup): node is SegmentGroup {
  return 'op' in node;
}

/** An empty definition: all of one rule. */
export function emptyDefinition(): SegmentGroup {
  return { op: 'and', rules: [defaultRule('builtin')] };
}
