import type { System } from '../../system/System';
import type { DedupRedis } from './MessageDeduper';
import { withClaimScript } from './MessageDeduper';

const clients = new WeakMap<System, DedupRedis>();

/**
 * The Redis connection the callback's dedup uses: the system's own connection settings with
 * auto-pipelining, so that the claims and replies of concurrent pushes go out in one write
 * instead of one each (under load the callback spent a fifth of its CPU in socket writes),
 * with the dedup claim defined as a script.
 * It closes when the system's main connection closes.
 */
export function callbackRedis(system: System): DedupRedis {
  let client = clients.get(system);
  if (!client) {
    const created = withClaimScript(system.redis.duplicate({ enableAutoPipelining: true }));
    system.redis.once('end', () => created.disconnect());
    clients.set(system, created);
    client = created;
  }
  return client;
}
