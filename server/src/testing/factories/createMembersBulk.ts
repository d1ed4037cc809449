import { randomBytes } from 'node:crypto';
import type { System } from '../../system/System';

/** Options of {@link createMembersBulk}. */
export interface MembersBulkOptions {
  count: number;
  /** Their registration store (a fresh store makes a segment of exactly these members). */
  storeId: string;
  /** Bind each to a reachable official-account follower (default true). */
  followers?: boolean;
  /** The followers' last interaction (custom-service window); null by default. */
  lastInteractionAt?: Date | null;
}

/** A member made in bulk: its id and its official-account openid (null without a follower). */
export interface BulkMember {
  id: number;
  openid: string | null;
}

const CHUNK = 1000;

/**
 * Creates many consented members (and their followers) with multi-row INSERTs, for
 * campaign and segment tests of thousands of members; returns them by ascending id.
 */
export async function createMembersBulk(system: System, options: MembersBulkOptions): Promise<BulkMember[]> {
  const tag = randomBytes(5).toString('hex');
  const version = system.config.membership.privacyPolicyVersion;
  const tier = system.config.tiers.levels[0]!.code;
  for (let start = 0; start < options.count; start += CHUNK) {
    const rows: unknown[][] = [];
    for (let index = start; index < Math.min(options.count, start + CHUNK); index += 1) {
      rows.push([`ob${tag}${index}`, '测试家长', tier, version, new Date(), options.storeId]);
    }
    await system.dataSource.query(
      'INSERT INTO members (openid, nickname, tier_code, privacy_policy_version, privacy_consented_at, registration_store_id) VALUES ?',
      [rows],
    );
  }
  const members = (await system.dataSource.query('SELECT id, openid FROM members WHERE openid LIKE ? ORDER BY id', [`ob${tag}%`])) as Array<{
    id: string;
    openid: string;
  }>;
  if (options.followers === false) return members.map((member) => ({ id: Number(member.id), openid: null }));
  for (let start = 0; start < members.length; start += CHUNK) {
    const rows = members
      .slice(start, start + CHUNK)
      .map((member) => [`oOAb${member.openid.slice(2)}`, member.id, 'link', new Date(), new Date(), options.lastInteractionAt ?? null]);
    await system.dataSource.query(
      'INSERT INTO oa_followers (openid, member_id, bound_via, bound_at, subscribed, reachable, subscribed_at, last_interaction_at) VALUES ?',
      [rows.map(([openid, memberId, via, boundAt, subscribedAt, last]) => [openid, memberId, via, boundAt, 1, 1, subscribedAt, last])],
    );
  }
  return members.map((member) => ({ id: Number(member.id), openid: `oOAb${member.openid.slice(2)}` }));
}
