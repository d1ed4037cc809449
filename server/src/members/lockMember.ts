import type { EntityManager } from 'typeorm';
import { errors } from '../app/errors';
import { Member } from './Member';

/**
 * Loads a live member with `SELECT ... FOR UPDATE`. Every change to a member's balance,
 * tier or statistics happens under this lock, which serialises them per member while
 * leaving other members' transactions free to run. Deleted members are refused unless
 * `includeDeleted` (the daily jobs still expire an anonymised member's points).
 */
export async function lockMember(manager: EntityManager, memberId: string, options: { includeDeleted?: boolean } = {}): Promise<Member> {
  const member = await manager.getRepository(Member).findOne({ where: { id: memberId }, lock: { mode: 'pessimistic_write' } });
  if (!member || (member.deletedAt && !options.includeDeleted)) throw errors.notFound('member_not_found', '找不到这位会员');
  return member;
}
