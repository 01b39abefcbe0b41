/**
 * Bad input that once crashed or hung the program now signals Emacs's error and leaves nothing
 * behind (the reliability issue's corpus found these).
 */
import { cons, intern, LispError, makeNetworkProcess, prin1ToString, processList, t } from '../../src';
import { openDescriptorCount, settledDescriptorCount } from '../support/sockets';

test('a circular :plist signals (circular-list LIST), with no process or descriptor left', async () => {
  const a = cons(intern('a'), null);
  a.cdr = cons(1, a);
  const baseline = openDescriptorCount();
  const made = makeNetworkProcess(':name', 'circular', ':server', t, ':service', t, ':plist', a);
  const err = await made.then(
    () => null,
    (error: unknown) => error,
  );
  expect(err).toBeInstanceOf(LispError);
  expect((err as LispError).symbol).toBe('circular-list');
  expect((err as LispError).data).toEqual([a]);
  expect(processList().map((proc) => proc.name)).not.toContain('circular');
  expect(await settledDescriptorCount(baseline)).toBeLessThanOrEqual(baseline);
  // Printed with the loop cut at #N, as Emacs prints it (Emacs's data starts at the tail where its
  // cycle check stopped, elproc's at the list as given).
  expect(prin1ToString((err as LispError).toLisp())).toBe('(circular-list (a 1 a 1 . #2))');
});
