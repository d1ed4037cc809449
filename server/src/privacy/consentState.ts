import type { ConsentStateDto } from '@toyclub/shared';
import { errors } from '../app/errors';
import type { AppConfig } from '../config/configSchema';
import type { Member } from '../members/Member';

/** True when the member accepted the privacy policy version now in force. */
export function hasPrivacyConsent(config: AppConfig, member: Member): boolean {
  return member.privacyPolicyVersion === config.membership.privacyPolicyVersion;
}

/** True when the guardian consented, under the current version, to storing children's data. */
export function hasGuardianConsent(config: AppConfig, member: Member): boolean {
  return hasPrivacyConsent(config, member) && member.guardianPolicyVersion === config.membership.privacyPolicyVersion;
}

/** Refuses to store personal data before consent to the current policy. */
export function requirePrivacyConsent(config: AppConfig, member: Member): void {
  if (!hasPrivacyConsent(config, member)) throw errors.forbidden('consent_required', '请先阅读并同意最新的隐私政策');
}

/** Refuses to store children's data without the guardian's separate consent. */
export function requireGuardianConsent(config: AppConfig, member: Member): void {
  requirePrivacyConsent(config, member);
  if (!hasGuardianConsent(config, member)) {
    throw errors.forbidden('guardian_consent_required', '保存孩子信息前，请先以监护人身份单独同意儿童个人信息处理规则');
  }
}

/** The consent part of `GET /api/mp/me`. */
export function presentConsentState(config: AppConfig, member: Member): ConsentStateDto {
  return {
    currentPolicyVersion: config.membership.privacyPolicyVersion,
    privacyAccepted: hasPrivacyConsent(config, member),
    privacyAcceptedVersion: member.privacyPolicyVersion,
    guardianAccepted: hasGuardianConsent(config, member),
  };
}
