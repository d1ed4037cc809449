import { birthdayWindows, calendarDate, monthsBeforeNumber } from './childDates';

describe('child dates', () => {
  it('takes today in the stores’ time zone', () => {
    expect(calendarDate(new Date('2026-12-31T17:00:00Z'), 'Asia/Shanghai')).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it('subtracts months across years, keeping the day', () => {
    expect(monthsBeforeNumber({ year: 2026, month: 3, day: 31 }, 1)).toBe(20260231);
    expect(monthsBeforeNumber({ year: 2026, month: 2, day: 10 }, 14)).toBe(20241210);
    expect(monthsBeforeNumber({ year: 2026, month: 12, day: 1 }, 0)).toBe(20261201);
  });

  it('splits a birthday window that crosses the new year', () => {
    expect(birthdayWindows({ year: 2026, month: 12, day: 28 }, 7)).toEqual([
      { months: [12], from: 1228, to: 1231 },
      { months: [1], from: 101, to: 104 },
    ]);
    expect(birthdayWindows({ year: 2026, month: 5, day: 20 }, 20)).toEqual([{ months: [5, 6], from: 520, to: 609 }]);
    expect(birthdayWindows({ year: 2026, month: 5, day: 20 }, 0)).toEqual([{ months: [5], from: 520, to: 520 }]);
    expect(birthdayWindows({ year: 2026, month: 5, day: 20 }, 366)[0]).toMatchObject({ from: 101, to: 1231 });
  });
});
