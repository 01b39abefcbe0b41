/* withTimeout beyond the side-by-side scenario (catch-throw-waits): sync bodies, checks, cleanup. */
import { LispThrow, intern, set, sleepFor, symbolValue, withTimeout } from '../../src';

afterEach(() => set(intern('timer-list'), null));

test('a synchronous body that does not wait gives its value, and the timer is cancelled', () => {
  expect(
    withTimeout(
      0.01,
      () => 'timed out',
      () => 'body',
    ),
  ).toBe('body');
  expect(symbolValue('timer-list')).toBeNull();
});

test('the timeout ends a waiting body, whose finally blocks run, and leaves no timer', async () => {
  const log: unknown[] = [];
  const result = withTimeout(
    0.05,
    () => 'timed out',
    async () => {
      try {
        await sleepFor(5);
        log.push('resumed');
      } catch (err) {
        log.push(err instanceof LispThrow);
        throw err;
      } finally {
        log.push('finally');
      }
    },
  );
  expect(await result).toBe('timed out');
  expect(log).toEqual([true, 'finally']);
  expect(symbolValue('timer-list')).toBeNull();
});

test('an error in the body passes through, and the timer is cancelled', async () => {
  await expect(
    withTimeout(
      5,
      () => 'timed out',
      async () => {
        await sleepFor(0.01);
        throw new Error('body failed');
      },
    ),
  ).rejects.toThrow('body failed');
  expect(symbolValue('timer-list')).toBeNull();
});

test('TIMEOUT-FORMS and BODY must be functions', () => {
  expect(() => withTimeout(1, 5 as never, () => 1)).toThrow('wrong-type-argument: functionp, 5');
  expect(() => withTimeout(1, () => 1, 'x' as never)).toThrow('wrong-type-argument: functionp, x');
  expect(symbolValue('timer-list')).toBeNull();
});
