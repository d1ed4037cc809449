import type { AutoReplyRuleDto } from '@toyclub/shared';
import type { AutoReplyRule } from './AutoReplyRule';

/** A rule for the admin console. */
export function presentAutoReply(rule: AutoReplyRule): AutoReplyRuleDto {
  return {
    id: rule.id,
    name: rule.name,
    matchType: rule.matchType,
    pattern: rule.pattern,
    priority: rule.priority,
    reply: rule.reply,
    enabled: rule.enabled,
    updatedAt: rule.updatedAt.toISOString(),
  };
}
