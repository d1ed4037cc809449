import { ProgressHub } from './ProgressHub';

/** A loader whose answers the test hands out one at a time. */
function scriptedLoader() {
  const waiting: Array<(answer: number | Error) => void> = [];
  const loads: string[] = [];
  return {
    loads,
    load: (key: string) =>
      new Promise<number>((resolve, reject) => {
        loads.push(key);
        waiting.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer)));
      }),
    /** Answers the oldest pending load (waiting until one is pending). */
    async answer(value: number | Error) {
      while (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      waiting.shift()!(value);
    },
  };
}

describe('ProgressHub', () => {
  it('loads once per key for every listener, tells only changes, survives a failed load and stops with the last listener', async () => {
    const loader = scriptedLoader();
    const errors: unknown[] = [];
    const hub = new ProgressHub<number>({ pollMs: 1, load: loader.load, onError: (error) => errors.push(error) });
    const heard: Array<[string, number]> = [];
    const next = (count: number) => new Promise<void>((resolve) => {
      const check = () => (heard.length >= count ? resolve() : setTimeout(check, 5));
      check();
    });

    const stopA = hub.subscribe('7', (value) => heard.push(['a', value]));
    const stopB = hub.subscribe('7', (value) => heard.push(['b', value]));
    await loader.answer(1);
    await next(2);
    await loader.answer(1); // unchanged: nobody hears it
    await loader.answer(new Error('database away'));
    await loader.answer(2);
    await next(4);
    expect(heard).toEqual([['a', 1], ['b', 1], ['a', 2], ['b', 2]]);
    expect(errors).toHaveLength(1);
    expect(loader.loads.every((key) => key === '7')).toBe(true);

    const late: number[] = [];
    const stopC = hub.subscribe('7', (value) => late.push(value));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(late).toEqual([2]); // the latest snapshot at once, without a load of its own

    stopA();
    stopB();
    expect(hub.activeKeys).toBe(1);
    stopC();
    expect(hub.activeKeys).toBe(0);
  });
});
