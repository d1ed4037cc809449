import { fragment, type SqlFragment } from '../segments/sqlFragment';
import type { AppConfig } from '../config/configSchema';

/**
 * Narrows a run to the members registered at one store. Only tests pass it (journeys
 * are set-based over every member, and a test must not message other tests' members).
 */
export interface JourneyScope {
  registrationStoreId: string;
}

/**
 * Who any journey may message (over `members m`): not deleted, with consent to the privacy
 * policy now in force, and inside the scope when there is one.
 */
export function reachableMembers(config: Pick<AppConfig, 'membership'>, scope: JourneyScope | undefined): SqlFragment {
  const base = 'm.deleted_at IS NULL AND m.privacy_policy_version = ?';
  return scope
    ? fragment(`${base} AND m.registration_store_id = ?`, config.membership.privacyPolicyVersion, scope.registrationStoreId)
    : fragment(base, config.membership.privacyPolicyVersion);
}
