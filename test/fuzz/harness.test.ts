/**
 * The corpus harness catches what it is there to catch: a runner child that makes deliberate
 * failures (runner.ts --selftest) must have each reported, at the call that made it, and the
 * run must go on after a hang and after a crash.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCorpus } from './drive';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'elproc-fuzz-self-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('a TypeError, an unhandled rejection, a pending promise, a loop, a crash and an fd leak all fail', async () => {
  const result = await runCorpus({ dir, seed: 1, runs: 0, selfTest: true, silenceLimitMs: 3000 });
  const what = result.failures.map((failure) => `${failure.i} ${failure.what.split(' | ')[0] ?? ''}`);
  expect(what).toEqual([
    '0 other',
    '1 unhandled-rejection',
    '2 timeout',
    expect.stringMatching(/^3 hang: the runner went silent/),
    expect.stringMatching(/^4 crash: the runner died \(code 3/),
    expect.stringMatching(/^-1 fds \d+ before, \d+ after: \["\d+:\/dev\/null"\]/),
  ]);
  expect(result.kinds).toMatchObject({ other: 1, return: 3, timeout: 1, hang: 1, crash: 1 });
}, 240_000);
