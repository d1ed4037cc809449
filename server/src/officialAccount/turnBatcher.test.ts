import { paddedToPowerOfTwo, turnBatcher } from './turnBatcher';

describe('turnBatcher', () => {
  it('loads the keys asked for in one turn together, in chunks, each key once', async () => {
    const loads: string[][] = [];
    const lookup = turnBatcher(async (keys) => {
      loads.push(keys);
      return new Map(keys.filter((key) => key !== 'unknown').map((key) => [key, key.toUpperCase()]));
    }, 2);
    const values = await Promise.all(['a', 'b', 'a', 'c', 'unknown'].map((key) => lookup(key)));
    expect(values).toEqual(['A', 'B', 'A', 'C', undefined]);
    expect(loads).toEqual([['a', 'b'], ['a', 'c'], ['unknown']]);
    expect(await lookup('d')).toBe('D');
    expect(loads).toHaveLength(4);
  });

  it('fails every lookup of a failed load, and the next turn loads afresh', async () => {
    let calls = 0;
    const lookup = turnBatcher(async (keys) => {
      calls += 1;
      if (calls === 1) throw new Error('database hiccup');
      return new Map(keys.map((key) => [key, calls]));
    }, 10);
    const results = await Promise.allSettled([lookup('a'), lookup('b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await lookup('a')).toBe(2);
  });

  it('pads key lists to a power of two with the last key', () => {
    expect(paddedToPowerOfTwo(['a'])).toEqual(['a']);
    expect(paddedToPowerOfTwo(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'c']);
    expect(paddedToPowerOfTwo(['a', 'b', 'c', 'd', 'e'])).toHaveLength(8);
  });
});
