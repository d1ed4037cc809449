import { birthdayWindows, calendarDate, monthsBeforeDate } from './childDates';

describe('child dates', () => {
  it('takes today in the stores’ time zone', () => {
    expect(calendarDate(new Date('2026-12-31T17:00:00Z'), 'Asia/Shanghai')).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it('subtracts months across years, clamping the day to the shorter month', () => {
    expect(monthsBeforeDate({ year: 2026, month: 3, day: 31 }, 1)).toBe('2026-02-28');
    expect(monthsBeforeDate({ year: 2024, month: 3, day: 31 }, 1)).toBe('2024-02-29');
    expect(monthsBeforeDate({ year: 2026, month: 2, day: 10 }, 14)).toBe('2024-12-10');
    expect(monthsBeforeDate({ year: 2026, month: 12, day: 1 }, 0)).toBe('2026-12-01');
    expect(monthsBeforeDate({ year: 2026, month: 1, day: 31 }, 73)).toBe('2019-12-31');
  });

  it('splits a birthday window that crosses the new year', () => {
    expect(birthdayWindows({ year: 2026, month: 12, day: 28 }, 7)).toEqual([
      { from: 1228, to: 1231 },
      { from: 101, to: 104 },
    ]);
    expect(birthdayWindows({ year: 2026, month: 5, day: 20 }, 20)).toEqual([{ from: 520, to: 609 }]);
    expect(birthdayWindows({ year: 2026, month: 5, day: 20 }, 0)).toEqual([{ from: 520, to: 520 }]);
    expect(birthdayWindows({ year: 2026, month: 5, day: 20 }, 366)).toEqual([{ from: 101, to: 1231 }]);
  });

  it('puts a 29 February birthday on 28 February in other years', () => {
    // 2026 has no 29 February: a window ending on the 28th takes it, one starting on 1 March does not.
    expect(birthdayWindows({ year: 2026, month: 2, day: 21 }, 7)).toEqual([{ from: 221, to: 229 }]);
    expect(birthdayWindows({ year: 2026, month: 2, day: 28 }, 0)).toEqual([{ from: 228, to: 229 }]);
    expect(birthdayWindows({ year: 2026, month: 3, day: 1 }, 7)).toEqual([{ from: 301, to: 308 }]);
    // 2028 has one: the window ends where it ends.
    expect(birthdayWindows({ year: 2028, month: 2, day: 21 }, 7)).toEqual([{ from: 221, to: 228 }]);
    expect(birthdayWindows({ year: 2028, month: 2, day: 22 }, 7)).toEqual([{ from: 222, to: 229 }]);
    // Across the year end into a year without it (2027), and into one with it (2028).
    expect(birthdayWindows({ year: 2026, month: 12, day: 31 }, 59)).toEqual([
      { from: 1231, to: 1231 },
      { from: 101, to: 229 },
    ]);
    expect(birthdayWindows({ year: 2027, month: 12, day: 31 }, 59)).toEqual([
      { from: 1231, to: 1231 },
      { from: 101, to: 228 },
    ]);
  });
});
