/**
 * Issue 16's generated corpus of bad calls: every function in `el` with generated arguments, plus
 * targeted generators (make-network-process plists, socket options, the reader, the printer,
 * waits, sends, buffer positions), run in a child process so that a crash or a hang cannot take
 * jest down. Every outcome must be a LispError or a normal return; no hang, no crash, no
 * unhandled rejection; the fds and the process list back where they started.
 *
 * Fixed seed by default; ELPROC_FUZZ_SEED=random (or a number) and ELPROC_FUZZ_RUNS=N locally.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCorpus, runsFromEnvironment, seedFromEnvironment } from './drive';
import { REGRESSIONS } from './regressions';

const FIXED_SEED = 20_161_216;
const DEFAULT_RUNS = 2400;
const seed = seedFromEnvironment(FIXED_SEED);
const runs = runsFromEnvironment(DEFAULT_RUNS);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'elproc-fuzz-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test(`${REGRESSIONS.length} regressions, a call per function and keyword, and ${runs} generated bad calls (seed ${seed}) end in LispErrors and returns only`, async () => {
  const result = await runCorpus({ dir, seed, runs });
  // The seed and the outcome counts, so that a failing run can be replayed with ELPROC_FUZZ_SEED.
  console.log(
    `elproc fuzz: seed ${seed}, ${result.calls} calls in ${result.ms} ms: ${JSON.stringify(result.kinds)}`,
  );
  expect(result.failures).toEqual([]);
  expect(result.uncalled).toEqual([]);
  expect(result.calls).toBeGreaterThanOrEqual(REGRESSIONS.length + runs);
  // Most calls must really run: the network guard skips only a few.
  expect(result.kinds.skipped ?? 0).toBeLessThan(runs / 10);
}, 300_000);
