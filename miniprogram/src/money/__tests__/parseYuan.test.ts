import { parseYuan } from '../parseYuan';

describe('parseYuan', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.29', 29],
    ['0.07', 7],
    ['19.99', 1999],
    ['1.', 100],
    [' ¥ 8.80 ', 880],
    ['￥1000000', 100_000_000],
  ])('reads %p as %p fen, exactly', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it('never goes through floating point: 0.29 and 1.15 stay exact', () => {
    // Math.round(0.29 * 100) happens to be right; 1.15 * 100 is 114.99999999999999.
    expect(parseYuan('1.15')).toBe(115);
    expect(parseYuan('4.35')).toBe(435);
  });

  it.each(['', 'abc', '12.345', '-5', '1,000', '1e3', '.5', '1000000.01', '12 元'])('refuses %p', (text) => {
    expect(parseYuan(text)).toBeNull();
  });
});
