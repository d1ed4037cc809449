import type { DataSource, EntityManager } from 'typeorm';
import { errors } from '../../app/errors';
import { runInTransaction } from '../../db/runInTransaction';
import { tokenHash } from '../../security/secretTokens';
import { attributeRegistration } from './attributeRegistration';

/**
 * Joins a follower to a member when WeChat gives both the same unionid. Does nothing when
 * either side is already bound elsewhere (a binding is never silently moved). Returns the
 * member id bound, if any. The mini-program's sign-in can call it with a fresh unionid too.
 */
export async function bindFollowerByUnionid(db: DataSource | EntityManager, openid: string, unionid: string): Promise<string | null> {
  await db.query('UPDATE oa_followers SET unionid = ? WHERE openid = ?', [unionid, openid]);
  const members = (await db.query('SELECT id FROM members WHERE unionid = ? AND deleted_at IS NULL', [unionid])) as Array<{ id: string }>;
  if (members.length === 0) return null;
  const memberId = String(members[0].id);
  await db.query(
    `UPDATE oa_followers SET member_id = ?, bound_via = 'unionid', bound_at = NOW(3)
     WHERE openid = ? AND member_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM (SELECT id FROM oa_followers WHERE member_id = ?) AS taken)`,
    [memberId, openid, memberId],
  );
  const bound = (await db.query('SELECT member_id FROM oa_followers WHERE openid = ?', [openid])) as Array<{ member_id: string | null }>;
  const boundTo = bound[0]?.member_id;
  if (boundTo === null || boundTo === undefined || String(boundTo) !== memberId) return null;
  await attributeRegistration(db, memberId);
  return memberId;
}

/**
 * The other direction, for the mini-program's sign-in: a member who signs in with a unionid
 * is bound to the unbound follower who has it (known once the follower's user/info was
 * fetched). Returns the follower's openid, or null when there is none to bind.
 */
export async function bindFollowerOfMember(db: DataSource | EntityManager, memberId: string, unionid: string): Promise<string | null> {
  const followers = (await db.query('SELECT openid FROM oa_followers WHERE unionid = ? AND member_id IS NULL LIMIT 1', [unionid])) as Array<{
    openid: string;
  }>;
  if (!followers[0]) return null;
  const bound = await bindFollowerByUnionid(db, followers[0].openid, unionid);
  return bound === memberId ? followers[0].openid : null;
}

/** The follower side of a successful link binding. */
export interface LinkBinding {
  openid: string;
  subscribed: boolean;
}

interface TokenRow {
  id: string;
  openid: string;
  expires_at: Date;
  used_at: Date | null;
  used_by_member_id: string | null;
}

/**
 * Redeems a one-time binding token for the signed-in member: the follower who received the
 * link becomes bound to them. Opening the same link again as the same member is fine; a
 * used, expired or unknown token, or a follower or member bound elsewhere, is refused.
 */
export async function bindFollowerByToken(dataSource: DataSource, memberId: string, token: string, now = new Date()): Promise<LinkBinding> {
  return runInTransaction(dataSource, async (manager) => {
    const tokens = (await manager.query(
      'SELECT id, openid, expires_at, used_at, used_by_member_id FROM oa_binding_tokens WHERE token_hash = ? FOR UPDATE',
      [tokenHash(token)],
    )) as TokenRow[];
    const row = tokens[0];
    if (!row) throw errors.notFound('binding_token_unknown', '关联链接无效，请在公众号里重新获取');
    const sameMember = row.used_by_member_id !== null && String(row.used_by_member_id) === memberId;
    if (row.used_at !== null && !sameMember) throw errors.gone('binding_token_used', '关联链接已被使用');
    if (row.used_at === null && row.expires_at.getTime() <= now.getTime()) throw errors.gone('binding_token_expired', '关联链接已过期，请在公众号里重新获取');
    const followers = (await manager.query('SELECT member_id, subscribed FROM oa_followers WHERE openid = ? FOR UPDATE', [row.openid])) as Array<{
      member_id: string | null;
      subscribed: number;
    }>;
    const follower = followers[0];
    if (!follower) throw errors.notFound('follower_unknown', '没有找到关注记录');
    if (follower.member_id !== null && String(follower.member_id) !== memberId) {
      throw errors.conflict('follower_bound_elsewhere', '这个公众号身份已关联其他会员卡');
    }
    const other = (await manager.query('SELECT openid FROM oa_followers WHERE member_id = ? AND openid <> ?', [memberId, row.openid])) as unknown[];
    if (other.length > 0) throw errors.conflict('member_bound_elsewhere', '您的会员卡已关联其他公众号身份');
    if (follower.member_id === null) {
      await manager.query("UPDATE oa_followers SET member_id = ?, bound_via = 'link', bound_at = ? WHERE openid = ?", [memberId, now, row.openid]);
      await attributeRegistration(manager, memberId);
    }
    if (row.used_at === null) {
      await manager.query('UPDATE oa_binding_tokens SET used_at = ?, used_by_member_id = ? WHERE id = ?', [now, memberId, row.id]);
    }
    return { openid: row.openid, subscribed: follower.subscribed === 1 };
  });
}
