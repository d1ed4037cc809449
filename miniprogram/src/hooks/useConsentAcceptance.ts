import { useState } from 'react';
import type { ConsentRequest, MemberMeDto } from '@toyclub/shared';
import { ApiError } from '../api/client';
import { acceptConsent } from '../api/member';

/**
 * The 同意 button of a consent prompt: accepts the current policy version for `kind`,
 * busy while it is sent, and the server's message (or a generic one) when it fails.
 * `onAccepted` gets the member as the server now sees them.
 */
export function useConsentAcceptance(member: MemberMeDto, kind: NonNullable<ConsentRequest['kind']>, onAccepted: (member: MemberMeDto) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      onAccepted(await acceptConsent({ policyVersion: member.consent.currentPolicyVersion, kind }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : '提交失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return { accept, busy, error };
}
