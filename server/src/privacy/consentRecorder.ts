import type { ConsentKind } from './Consent';
import { Consent } from './Consent';
import { errors } from '../app/errors';
import { runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import { Member } from '../members/Member';
import type { System } from '../system/System';
import { requirePrivacyConsent } from './consentState';

/**
 * Records the member's acceptance of the current policy version, with time and IP.
 * Only the version now in force can be accepted (an outdated page must reload it), and
 * the guardian's consent for children's data comes after the privacy consent.
 */
export async function consentRecorder(options: {
  system: System;
  memberId: string;
  kind: ConsentKind;
  policyVersion: string;
  ip: string;
  now: Date;
}): Promise<Member> {
  const { system, kind, policyVersion, now } = options;
  const current = system.config.membership.privacyPolicyVersion;
  if (policyVersion !== current) throw errors.conflict('policy_version_outdated', '隐私政策已更新，请阅读最新版本后再同意');
  return runInTransaction(system.dataSource, async (manager) => {
    const member = await lockMember(manager, options.memberId);
    if (kind === 'guardian') requirePrivacyConsent(system.config, member);
    await manager.getRepository(Consent).insert({ memberId: member.id, kind, policyVersion, grantedAt: now, ip: options.ip.slice(0, 64) });
    const columns =
      kind === 'privacy'
        ? { privacyPolicyVersion: policyVersion, privacyConsentedAt: now }
        : { guardianPolicyVersion: policyVersion, guardianConsentedAt: now };
    await manager.getRepository(Member).update({ id: member.id }, columns);
    return Object.assign(member, columns);
  });
}
