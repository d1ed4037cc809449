import { localDate } from './localDate';

describe('localDate', () => {
  it('gives the calendar date in the time zone, midnight to midnight', () => {
    expect(localDate(new Date('2026-03-01T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(localDate(new Date('2026-03-01T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(localDate(new Date('2026-03-01T16:00:00Z'), 'UTC')).toBe('2026-03-01');
  });
});
