import type { DataSource } from 'typeorm';
import type { AutoReplyContent, AutoReplyMatchType } from '@toyclub/shared';
import { AutoReplyRule } from './AutoReplyRule';

/** A rule ready to test against texts. */
interface CompiledRule {
  id: string;
  matchType: AutoReplyMatchType;
  pattern: string;
  regex: RegExp | null;
  reply: AutoReplyContent;
}

const CACHE_MS = 5_000;
/** Texts are cut to this length before regular expressions see them. */
const MAX_TEXT = 500;

const cache = new WeakMap<DataSource, { rules: CompiledRule[]; loadedAt: number }>();

/** Folds case and full-width characters, so that `ＶＩＰ` matches a rule written `vip`. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

async function loadRules(dataSource: DataSource): Promise<CompiledRule[]> {
  const rules = await dataSource.getRepository(AutoReplyRule).find({ where: { enabled: true }, order: { priority: 'DESC', id: 'ASC' } });
  return rules.flatMap((rule) => {
    let regex: RegExp | null = null;
    if (rule.matchType === 'regex') {
      try {
        regex = new RegExp(rule.pattern, 'iu');
      } catch {
        return []; // refused at save; a rule edited in the database by hand is skipped, not fatal
      }
    }
    return [{ id: rule.id, matchType: rule.matchType, pattern: fold(rule.pattern), regex, reply: rule.reply }];
  });
}

/** Forgets this process's copy of the rules (after an edit through the admin API). */
export function invalidateAutoReplies(dataSource: DataSource): void {
  cache.delete(dataSource);
}

/**
 * The first enabled rule (highest priority, then oldest) whose pattern matches `text`:
 * exact (whole text), contains, or regular expression. Rules are kept in memory for a few
 * seconds, so that the callback does not query them for every message.
 */
export async function matchAutoReply(dataSource: DataSource, text: string): Promise<{ ruleId: string; reply: AutoReplyContent } | null> {
  let entry = cache.get(dataSource);
  if (!entry || Date.now() - entry.loadedAt > CACHE_MS) {
    entry = { rules: await loadRules(dataSource), loadedAt: Date.now() };
    cache.set(dataSource, entry);
  }
  const folded = fold(text);
  for (const rule of entry.rules) {
    const hit =
      rule.matchType === 'exact'
        ? folded === rule.pattern
        : rule.matchType === 'contains'
          ? folded.includes(rule.pattern)
          : rule.regex!.test(text.slice(0, MAX_TEXT));
    if (hit) return { ruleId: rule.id, reply: rule.reply };
  }
  return null;
}
