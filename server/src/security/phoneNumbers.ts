import { hmacBase64Url, derivedKey } from './secretTokens';
import { SecretBox } from './SecretBox';

/** How a phone number is kept: last four digits for search, a keyed hash for exact lookup, the number sealed. */
export interface StoredPhone {
  last4: string;
  lookupHash: string;
  sealed: string;
}

/** Masks a mainland mobile number as 138****1234 (shorter numbers keep only the last four). */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `****${phone.slice(-4)}`;
}

/** Seals and indexes phone numbers with keys derived from the signing secret. */
export class PhoneVault {
  private readonly box: SecretBox;
  private readonly hashKey: Buffer;

  constructor(signingSecret: string) {
    this.box = new SecretBox(signingSecret, 'phone');
    this.hashKey = derivedKey(signingSecret, 'phone-lookup');
  }

  /** What to store for `phone` (digits only, country code stripped by the caller). */
  store(phone: string): StoredPhone {
    return { last4: phone.slice(-4), lookupHash: this.lookupHash(phone), sealed: this.box.seal(phone) };
  }

  /** The keyed hash that finds a member by their full number without storing it in the clear. */
  lookupHash(phone: string): string {
    return hmacBase64Url(this.hashKey, phone);
  }

  /** The full number, for the member themself and for owners revealing it. */
  reveal(sealed: string): string {
    return this.box.open(sealed);
  }
}
