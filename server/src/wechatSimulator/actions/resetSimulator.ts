import type { SimContext } from '../SimContext';

/**
 * Forgets all state (tokens, counters, followers, codes, tags, logs, faults) but keeps the
 * settings and the clock. Id sequences keep counting so ids never repeat within a process.
 */
export function resetSimulator(context: SimContext): void {
  context.tokens.reset();
  context.quotas.reset();
  context.calls.clear();
  context.faults.clear();
  context.followers.reset();
  context.mpUsers.reset();
  context.grants.reset();
  context.inbox.clear();
  context.tags.reset();
  context.mass.reset();
  context.qrTickets.reset();
  context.templateDedup.clear();
  context.push.clear();
  context.menu.value = undefined;
  context.drafts.clear();
}
