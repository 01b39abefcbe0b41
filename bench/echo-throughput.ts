/**
 * Benchmark 3, echo throughput: an elproc server whose filter calls processSendString, against a
 * raw `net` echo server and the same echo server in Emacs Lisp under `emacs --batch`. elproc and
 * Emacs both use `:coding 'binary` (raw Node has no coding), so the bytes come back unchanged;
 * the load generator checks that once per server, then keeps 4 connections with 16 KiB in flight
 * each. Judged by the server's CPU time per MB echoed (10^6 bytes); throughput is reported too.
 * Emacs's CPU comes from /proc/PID/stat, the Node servers' from process.cpuUsage().
 */
import { execFileSync } from 'node:child_process';
import { alternate, roundRatios } from './lib/alternate';
import type { NodeChild } from './lib/children';
import type { Mode } from './lib/mode';
import { infoRow, judgedRow, printTable, Row, Target, unmeasuredRow } from './lib/rows';
import { BenchServer, startLoadGenerator, startServer } from './lib/servers';
import { listOf, median } from './lib/stats';
import type { EchoResult } from './load/load-generator';

const PARAMETERS = {
  // Emacs's CPU is read in 10 ms ticks, so its runs are sized for about half a second of CPU; the
  // time bound keeps them short where Emacs is much slower (its figures then come from the bytes
  // that came back within the bound).
  full: { rounds: 5, nodeBytes: 512e6, emacsRounds: 3, emacsBytes: 48e6, maxMs: 15_000 },
  smoke: { rounds: 1, nodeBytes: 8e6, emacsRounds: 1, emacsBytes: 1e6, maxMs: 5000 },
} as const;
type Parameters = (typeof PARAMETERS)[Mode];

const CONNECTIONS = 4;
const WINDOW = 16 * 1024;
const VS_RAW: Target = { op: '>=', bound: 0.9, ratioIs: 'raw CPU ÷ elproc CPU' };
const VS_EMACS_CPU: Target = { op: '>=', bound: 10, ratioIs: 'Emacs CPU ÷ elproc CPU' };
const VS_EMACS_RATE: Target = { op: '>=', bound: 10, ratioIs: 'elproc MB/s ÷ Emacs MB/s' };

interface EchoSample {
  cpuPerMbMs: number;
  mbPerSecond: number;
}

async function measureEcho(
  server: BenchServer,
  client: NodeChild,
  total: number,
  maxMs: number,
): Promise<EchoSample> {
  const before = await server.cpuUs();
  const result = await client.request<EchoResult>('echo', {
    port: server.port,
    connections: CONNECTIONS,
    window: WINDOW,
    total,
    maxMs,
  });
  const after = await server.cpuUs();
  if (result.timedOut)
    console.log(`  ${server.kind}: echo hit the ${maxMs} ms bound after ${result.bytes} bytes`);
  const mb = result.bytes / 1e6;
  return { cpuPerMbMs: (after - before) / 1000 / mb, mbPerSecond: mb / (result.elapsedMs / 1000) };
}

async function verifyEcho(server: BenchServer, client: NodeChild): Promise<void> {
  const check = await client.request<{ ok: boolean; bytes: number }>('verify', { port: server.port });
  if (!check.ok)
    throw new Error(`${server.kind} echo server returned different bytes (${check.bytes} received)`);
}

function rateOf(samples: readonly EchoSample[]): number {
  return median(samples.map((s) => s.mbPerSecond));
}

/** elproc against raw Node: a large amount per run, alternating runs. */
async function versusRaw(
  p: Parameters,
  client: NodeChild,
  elproc: BenchServer,
  notes: string[],
): Promise<Row[]> {
  const raw = await startServer('raw', 'echo');
  try {
    await verifyEcho(raw, client);
    const servers = { raw, elproc };
    // Warm-up (untimed): JIT for both.
    for (const server of Object.values(servers)) await measureEcho(server, client, p.nodeBytes / 8, p.maxMs);
    const samples: Record<'raw' | 'elproc', EchoSample[]> = { raw: [], elproc: [] };
    const cpu = await alternate(p.rounds, ['raw', 'elproc'] as const, async (kind) => {
      const sample = await measureEcho(servers[kind], client, p.nodeBytes, p.maxMs);
      samples[kind].push(sample);
      return sample.cpuPerMbMs;
    });
    notes.push(`  raw ms/MB per round: ${listOf(cpu.raw, 3)}; elproc: ${listOf(cpu.elproc, 3)}`);
    const [elprocRate, rawRate] = [rateOf(samples.elproc), rateOf(samples.raw)];
    return [
      judgedRow(
        'echo: server CPU per MB, vs raw Node (ms)',
        median(cpu.elproc),
        median(cpu.raw),
        median(roundRatios(cpu.raw, cpu.elproc)),
        VS_RAW,
      ),
      infoRow('echo: throughput, vs raw Node (MB/s)', elprocRate, rawRate, elprocRate / rawRate),
    ];
  } finally {
    await raw.stop();
  }
}

function emacsMissing(): string | null {
  try {
    execFileSync('emacs', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'emacs is not on PATH';
  }
}

/** elproc against Emacs: the same, smaller amount per run for both, alternating runs. */
async function versusEmacs(
  p: Parameters,
  client: NodeChild,
  elproc: BenchServer,
  notes: string[],
): Promise<Row[]> {
  const missing = emacsMissing();
  if (missing !== null) {
    return [
      unmeasuredRow('echo: server CPU per MB, vs emacs --batch (ms)', missing, VS_EMACS_CPU),
      unmeasuredRow('echo: throughput, vs emacs --batch (MB/s)', missing, VS_EMACS_RATE),
    ];
  }
  const emacs = await startServer('emacs', 'echo', 600);
  try {
    await verifyEcho(emacs, client);
    const servers = { emacs, elproc };
    const samples: Record<'emacs' | 'elproc', EchoSample[]> = { emacs: [], elproc: [] };
    const cpu = await alternate(p.emacsRounds, ['emacs', 'elproc'] as const, async (kind) => {
      const sample = await measureEcho(servers[kind], client, p.emacsBytes, p.maxMs);
      samples[kind].push(sample);
      return sample.cpuPerMbMs;
    });
    const [elprocRate, emacsRate] = [rateOf(samples.elproc), rateOf(samples.emacs)];
    notes.push(
      `  Emacs ms/MB per round: ${listOf(cpu.emacs)}; MB/s: ${listOf(
        samples.emacs.map((s) => s.mbPerSecond),
        2,
      )}` + ` (elproc at the same load: ${listOf(cpu.elproc, 3)} ms/MB)`,
    );
    return [
      judgedRow(
        'echo: server CPU per MB, vs emacs --batch (ms)',
        median(cpu.elproc),
        median(cpu.emacs),
        median(roundRatios(cpu.emacs, cpu.elproc)),
        VS_EMACS_CPU,
      ),
      judgedRow(
        'echo: throughput, vs emacs --batch (MB/s)',
        elprocRate,
        emacsRate,
        elprocRate / emacsRate,
        VS_EMACS_RATE,
      ),
    ];
  } finally {
    await emacs.stop();
  }
}

export async function echoThroughput(mode: Mode): Promise<Row[]> {
  const p = PARAMETERS[mode];
  const client = startLoadGenerator();
  let elproc: BenchServer | undefined;
  try {
    elproc = await startServer('elproc', 'echo');
    await verifyEcho(elproc, client);
    // Per-round figures, printed under the table.
    const notes: string[] = [];
    const rows = [
      ...(await versusRaw(p, client, elproc, notes)),
      ...(await versusEmacs(p, client, elproc, notes)),
    ];
    printTable(
      "Echo throughput (:coding 'binary for elproc and Emacs; 4 connections × 16 KiB in flight; baselines: raw net echo, emacs --batch)",
      rows,
    );
    for (const note of notes) console.log(note);
    return rows;
  } finally {
    await Promise.all([client.stop(), elproc?.stop()]);
  }
}
