import { Child } from '../children/Child';
import { runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import { Member } from '../members/Member';
import { MemberSession } from '../members/MemberSession';
import { StaffAccount } from '../staff/StaffAccount';
import type { System } from '../system/System';
import { Consent } from './Consent';
import { MemberTag } from '../tags/MemberTag';

/**
 * Deletes a member's account: removes every personal field (nickname, phone, WeChat
 * identifiers, children, sessions, consent IPs, staff binding) and keeps the row as an
 * anonymous id so that purchases, the points ledger and its balance stay consistent.
 * The openid is replaced, so signing in again later starts a new, empty membership.
 */
export async function memberEraser(options: { system: System; memberId: string; now: Date }): Promise<void> {
  const { system, memberId, now } = options;
  await runInTransaction(system.dataSource, async (manager) => {
    await lockMember(manager, memberId);
    await manager.getRepository(Child).delete({ memberId });
    // Journey messages rendered the children's names into their fields; pending sends must not go out.
    await manager.query("UPDATE journey_enrolments SET fields = '{}' WHERE member_id = ?", [memberId]);
    await manager.query(
      "UPDATE campaign_sends SET skip_reason = IF(state = 'pending', 'unreachable', skip_reason), state = IF(state = 'pending', 'skipped', state), fields = NULL WHERE member_id = ?",
      [memberId],
    );
    await manager.getRepository(MemberSession).delete({ memberId });
    // Tags profile the person (价格敏感...): they go too, and rules skip deleted members.
    await manager.getRepository(MemberTag).delete({ memberId });
    await manager.getRepository(Consent).update({ memberId }, { ip: '' });
    await manager.getRepository(StaffAccount).update({ memberId }, { memberId: null });
    await manager.getRepository(Member).update(
      { id: memberId },
      {
        openid: `deleted:${memberId}`,
        unionid: null,
        nickname: null,
        phoneLast4: null,
        phoneHash: null,
        phoneSealed: null,
        privacyPolicyVersion: null,
        privacyConsentedAt: null,
        guardianPolicyVersion: null,
        guardianConsentedAt: null,
        deletedAt: now,
      },
    );
  });
}
