import type { JourneyKey } from '@toyclub/shared';
import { birthdayJourney } from './birthdayJourney';
import { churnJourney } from './churnJourney';
import { expiryJourney } from './expiryJourney';
import type { JourneyDefinition } from './JourneyDefinition';
import { welcomeJourney } from './welcomeJourney';

/** Every journey, by key. */
export const JOURNEYS: Readonly<Record<JourneyKey, JourneyDefinition>> = {
  birthday: birthdayJourney,
  churn: churnJourney,
  welcome: welcomeJourney,
  expiry: expiryJourney,
};
