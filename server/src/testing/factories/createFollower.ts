import { randomBytes } from 'node:crypto';
import type { System } from '../../system/System';

/** A fresh official-account openid (the simulator accepts any). */
export function newOpenid(): string {
  return `oOA${randomBytes(10).toString('hex')}`;
}

/** A follower row, optionally bound to a member, as if they had followed earlier. */
export async function createFollower(
  system: System,
  options: { openid?: string; memberId?: string | null; unionid?: string | null } = {},
): Promise<{ openid: string }> {
  const openid = options.openid ?? newOpenid();
  await system.dataSource.query(
    `INSERT INTO oa_followers (openid, unionid, member_id, bound_via, bound_at, subscribed, reachable, subscribed_at)
     VALUES (?, ?, ?, ?, ?, 1, 1, NOW(3))`,
    [openid, options.unionid ?? null, options.memberId ?? null, options.memberId ? 'link' : null, options.memberId ? new Date() : null],
  );
  return { openid };
}
