import { numericId, signedNumericId } from './numericId';

describe('numericId', () => {
  it('accepts 1 to 20 digits and nothing else', () => {
    for (const ok of ['0', '7', '18446744073709551615']) expect(numericId.safeParse(ok).success).toBe(true);
    for (const bad of ['', '123456789012345678901', '-1', '1.0', ' 1', 'abc', '１']) expect(numericId.safeParse(bad).success).toBe(false);
  });

  it('signedNumericId stops at 19 digits', () => {
    expect(signedNumericId.safeParse('9223372036854775807').success).toBe(true);
    expect(signedNumericId.safeParse('12345678901234567890').success).toBe(false);
  });
});
