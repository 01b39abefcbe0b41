/**
 * `npm run bench` / `npm run bench:smoke`: builds src/ and bench/ to plain JavaScript, runs every
 * benchmark (each prints its table), and writes all rows to bench/results/latest.json (a list of
 * `{name, elproc, baseline, ratio, target, met}`) and the machine they were measured on to
 * bench/results/machine.json. Smoke runs and `--only=name,name` subsets write *.json.tmp files
 * instead (git-ignored), so they never replace the figures of a full run. Exit status: 0 when
 * every benchmark ran, whether or not its targets were met; 1 when one crashed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { acceptRate } from './accept-rate';
import { acceptScaling } from './accept-scaling';
import { echoThroughput } from './echo-throughput';
import { idleMemory } from './idle-memory';
import { buildForBenchmarks, REPO_ROOT } from './lib/build';
import { killAllChildren } from './lib/children';
import { describeMachine, machineLine } from './lib/machine';
import type { Mode } from './lib/mode';
import { printTable, Row } from './lib/rows';
import { optionApply } from './option-apply';

const BENCHMARKS: ReadonlyArray<readonly [string, (mode: Mode) => Promise<Row[]>]> = [
  ['option-apply', optionApply],
  ['accept-rate', acceptRate],
  ['echo-throughput', echoThroughput],
  ['idle-memory', idleMemory],
  ['accept-scaling', acceptScaling],
];

function parseArguments(argv: readonly string[]): { mode: Mode; only: Set<string> | null } {
  const mode: Mode = argv.includes('--smoke') ? 'smoke' : 'full';
  const onlyArg = argv.find((arg) => arg.startsWith('--only='));
  const only = onlyArg === undefined ? null : new Set(onlyArg.slice('--only='.length).split(','));
  for (const name of only ?? []) {
    if (!BENCHMARKS.some(([known]) => known === name)) throw new Error(`no benchmark named ${name}`);
  }
  return { mode, only };
}

async function main(): Promise<number> {
  const { mode, only } = parseArguments(process.argv.slice(2));
  const started = Date.now();
  buildForBenchmarks();
  const machine = describeMachine();
  console.log(machineLine(machine));
  const rows: Row[] = [];
  const crashed: string[] = [];
  for (const [name, run] of BENCHMARKS) {
    if (only !== null && !only.has(name)) continue;
    const benchStarted = Date.now();
    try {
      rows.push(...(await run(mode)));
    } catch (err) {
      crashed.push(name);
      console.error(`\n${name} CRASHED:`, err);
    } finally {
      killAllChildren();
    }
    console.log(`  (${name}: ${((Date.now() - benchStarted) / 1000).toFixed(1)} s)`);
  }
  const complete = mode === 'full' && only === null;
  const results = path.join(REPO_ROOT, 'bench', 'results');
  const file = path.join(
    results,
    complete ? 'latest.json' : `${mode}${only === null ? '' : '-partial'}.json.tmp`,
  );
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
  if (complete) fs.writeFileSync(path.join(results, 'machine.json'), `${JSON.stringify(machine, null, 2)}\n`);
  printTable(`All rows (${mode}), written to ${path.relative(REPO_ROOT, file)}`, rows);
  const missed = rows.filter((row) => row.met === false).map((row) => row.name);
  console.log(`\n${missed.length} of ${rows.filter((row) => row.met !== null).length} targets missed`);
  console.log(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (crashed.length > 0) console.error(`crashed: ${crashed.join(', ')}`);
  return crashed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    killAllChildren();
    process.exit(code);
  },
  (err: unknown) => {
    console.error(err);
    killAllChildren();
    process.exit(1);
  },
);
