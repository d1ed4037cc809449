import { errors } from '../app/errors';
import { runInTransaction } from '../db/runInTransaction';
import { requirePrivacyConsent } from '../privacy/consentState';
import { PhoneVault } from '../security/phoneNumbers';
import type { System } from '../system/System';
import { lockMember } from './lockMember';
import { Member } from './Member';
import { wechatFailure } from './wechatFailure';

/**
 * Stores the member's phone number from the `getPhoneNumber` button's code, exchanged
 * server-side: sealed, with a keyed hash for lookup and the last four digits for staff
 * search. Only after consent to the current privacy policy.
 */
export async function phoneNumberBinder(options: { system: System; member: Member; code: string }): Promise<Member> {
  const { system, member, code } = options;
  requirePrivacyConsent(system.config, member);
  let verified;
  try {
    verified = await system.wechat.mp.getPhoneNumber(code, member.openid);
  } catch (error) {
    throw wechatFailure(error, errors.badRequest('phone_code_invalid', '手机号授权已失效，请重新点击授权')) ?? error;
  }
  // Mainland numbers are kept as the 11 digits; others with their country code.
  const phone = verified.countryCode === '86' ? verified.purePhoneNumber : `${verified.countryCode}${verified.purePhoneNumber}`;
  if (!/^\d{5,20}$/.test(phone)) throw errors.badRequest('phone_code_invalid', '手机号授权已失效，请重新点击授权');
  const stored = new PhoneVault(system.config.security.signingSecret).store(phone);
  const columns = { phoneLast4: stored.last4, phoneHash: stored.lookupHash, phoneSealed: stored.sealed };
  await runInTransaction(system.dataSource, async (manager) => {
    await lockMember(manager, member.id);
    await manager.getRepository(Member).update({ id: member.id }, columns);
  });
  return Object.assign(member, columns);
}
