/**
 * Benchmark 1, option apply cost: ns per `setsockopt(SO_KEEPALIVE)` through elproc's public
 * setNetworkProcessOption, through the internal apply path, through koffi directly, and through
 * the ffi-napi backend, against a C loop compiled here with the machine's `cc`. Rounds alternate
 * the C run and the Node runs; each figure is the median over the rounds.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { roundRatios } from './lib/alternate';
import { REPO_ROOT } from './lib/build';
import { NodeChild } from './lib/children';
import type { Mode } from './lib/mode';
import { infoRow, judgedRow, printTable, Row } from './lib/rows';
import { listOf, median } from './lib/stats';
import type { Variant } from './workers/option-apply-worker';

const PARAMETERS = {
  full: { rounds: 7, targetMs: 300, cIterations: 1_000_000 },
  smoke: { rounds: 2, targetMs: 20, cIterations: 50_000 },
} as const;

const TARGET = { op: '<=', bound: 1.6, ratioIs: 'ns/call ÷ C loop' } as const;

/** Compiles bench/c/setsockopt-loop.c into a temporary directory; returns the binary and the directory. */
function compileCLoop(): { binary: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elproc-bench-c-'));
  const binary = path.join(dir, 'setsockopt-loop');
  const source = path.join(REPO_ROOT, 'bench', 'c', 'setsockopt-loop.c');
  execFileSync('cc', ['-O2', '-o', binary, source], { stdio: ['ignore', 'inherit', 'inherit'] });
  return { binary, dir };
}

function runCLoop(binary: string, iterations: number): number {
  const out = execFileSync(binary, [String(iterations)], { encoding: 'utf8', timeout: 60_000 });
  const ns = Number(out.trim());
  if (!Number.isFinite(ns)) throw new Error(`C loop printed ${JSON.stringify(out)}`);
  return ns;
}

export async function optionApply(mode: Mode): Promise<Row[]> {
  const p = PARAMETERS[mode];
  const { binary, dir } = compileCLoop();
  const worker = NodeChild.start('option-apply worker', 'bench/workers/option-apply-worker.ts', []);
  try {
    const unavailable = await worker.request<Record<string, string | null>>('unavailable');
    const ffiNapiReason = unavailable['ffi-napi'] ?? null;
    const variants: Variant[] = ['public', 'apply', 'koffi'];
    if (ffiNapiReason === null) variants.push('ffi-napi');
    const samples: Record<Variant | 'c', number[]> = {
      public: [],
      apply: [],
      koffi: [],
      'ffi-napi': [],
      c: [],
    };

    // One round of each first, untimed: JIT warm-up in the worker, page cache for the binary.
    runCLoop(binary, p.cIterations);
    for (const variant of variants) await worker.request('measure', { variant, targetMs: p.targetMs });

    for (let round = 0; round < p.rounds; round++) {
      const nodeFirst = round % 2 === 1;
      if (!nodeFirst) samples.c.push(runCLoop(binary, p.cIterations));
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      for (const variant of order) {
        const result = await worker.request<{ nsPerCall: number }>('measure', {
          variant,
          targetMs: p.targetMs,
        });
        samples[variant].push(result.nsPerCall);
      }
      if (nodeFirst) samples.c.push(runCLoop(binary, p.cIterations));
    }

    // Each ratio is the median of the per-round ratios (a Node figure over the C figure of its round).
    const c = median(samples.c);
    const figures = (variant: Variant): [number, number, number] => [
      median(samples[variant]),
      c,
      median(roundRatios(samples[variant], samples.c)),
    ];
    const ffiNapiName = 'ffi-napi backend setsockoptInt(SO_KEEPALIVE), ns/call';
    const rows: Row[] = [
      judgedRow("setNetworkProcessOption(proc, ':keepalive', t), ns/call", ...figures('public'), TARGET),
      judgedRow('koffi apply path libc().setsockoptInt(SO_KEEPALIVE), ns/call', ...figures('koffi'), TARGET),
      infoRow("setNetworkOption(fd, ':keepalive', t) (src/options/apply.ts), ns/call", ...figures('apply')),
      ffiNapiReason === null
        ? infoRow(ffiNapiName, ...figures('ffi-napi'))
        : infoRow(ffiNapiName, `unavailable: ${ffiNapiReason}`, c, null),
    ];
    printTable('Option apply cost (baseline: C loop calling setsockopt on the same kind of socket)', rows);
    for (const key of ['c', ...variants] as const)
      console.log(`  ${key} ns/call per round: ${listOf(samples[key])}`);
    return rows;
  } finally {
    await worker.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
