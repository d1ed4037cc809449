import { nextLocalMidnight, sendableAt } from './quietHours';

const TZ = 'Asia/Shanghai';

describe('quiet hours and the quota day (Asia/Shanghai)', () => {
  const quiet = { start: '21:00', end: '08:00' };

  it('lets a send outside quiet hours go at once', () => {
    const noon = new Date('2026-12-01T04:00:00Z'); // 12:00 local
    expect(sendableAt(noon, quiet, TZ)).toEqual(noon);
    expect(sendableAt(noon, null, TZ)).toEqual(noon);
  });

  it('delays a send at night to the end of the quiet hours, across midnight', () => {
    expect(sendableAt(new Date('2026-12-01T14:30:00Z'), quiet, TZ)).toEqual(new Date('2026-12-02T00:00:00Z')); // 22:30 → 08:00
    expect(sendableAt(new Date('2026-12-01T19:15:30Z'), quiet, TZ)).toEqual(new Date('2026-12-02T00:00:00Z')); // 03:15:30 → 08:00
  });

  it('handles quiet hours within one day', () => {
    expect(sendableAt(new Date('2026-12-01T05:00:00Z'), { start: '12:00', end: '14:00' }, TZ)).toEqual(new Date('2026-12-01T06:00:00Z'));
  });

  it('finds the next local midnight', () => {
    expect(nextLocalMidnight(new Date('2026-12-01T10:00:00Z'), TZ)).toEqual(new Date('2026-12-01T16:00:00Z'));
  });
});
