/**
 * Benchmark 2, accept rate: an elproc server with `:keepalive t :linger 5 :oobinline t
 * :priority 3` and a `:log` function against a plain `net.createServer`, each in its own process,
 * driven in alternating runs by the same load generator process. Judged by the server's CPU time
 * per accepted connection; the client-bound connection rate is reported alongside.
 */
import { errorNote, measureAccepts, AcceptSample } from './lib/accept-load';
import { alternate, roundRatios } from './lib/alternate';
import type { Mode } from './lib/mode';
import { infoRow, judgedRow, printTable, Row } from './lib/rows';
import { BenchServer, startLoadGenerator, startServer } from './lib/servers';
import { listOf, median } from './lib/stats';

const PARAMETERS = {
  full: { rounds: 5, warmup: 3000, load: { count: 30_000, concurrency: 32, maxMs: 20_000 } },
  smoke: { rounds: 2, warmup: 200, load: { count: 1000, concurrency: 32, maxMs: 3000 } },
} as const;

export async function acceptRate(mode: Mode): Promise<Row[]> {
  const p = PARAMETERS[mode];
  const client = startLoadGenerator();
  const servers: Record<'raw' | 'elproc', BenchServer> = {
    raw: await startServer('raw', 'accept'),
    elproc: await startServer('elproc', 'accept'),
  };
  try {
    for (const server of Object.values(servers)) {
      await measureAccepts(server, client, { ...p.load, count: p.warmup });
    }
    const details: Record<'raw' | 'elproc', AcceptSample[]> = { raw: [], elproc: [] };
    const cpu = await alternate(p.rounds, ['raw', 'elproc'] as const, async (kind) => {
      const sample = await measureAccepts(servers[kind], client, p.load);
      details[kind].push(sample);
      return sample.cpuPerConnectionUs;
    });
    const ratio = median(roundRatios(cpu.raw, cpu.elproc));
    const rate = (kind: 'raw' | 'elproc'): number => median(details[kind].map((s) => s.rate));
    const rows = [
      judgedRow('accept: server CPU per connection (µs)', median(cpu.elproc), median(cpu.raw), ratio, {
        op: '>=',
        bound: 0.9,
        ratioIs: 'raw CPU ÷ elproc CPU',
      }),
      infoRow(
        'accept: connections/s (32 in flight; reference only)',
        rate('elproc'),
        rate('raw'),
        rate('elproc') / rate('raw'),
      ),
    ];
    printTable('Accept rate (baseline: raw net.createServer; same load generator, alternating runs)', rows);
    console.log(`  raw µs/conn per round: ${listOf(cpu.raw)}; elproc: ${listOf(cpu.elproc)}`);
    const system = (kind: 'raw' | 'elproc'): string =>
      median(details[kind].map((s) => s.systemPerConnectionUs)).toFixed(1);
    console.log(
      `  of which kernel (system) time, median µs/conn: raw ${system('raw')}; elproc ${system('elproc')}`,
    );
    for (const kind of ['raw', 'elproc'] as const) {
      for (const sample of details[kind]) {
        const note = errorNote(kind, sample);
        if (note !== null) console.log(note);
      }
    }
    return rows;
  } finally {
    await Promise.all([client.stop(), servers.raw.stop(), servers.elproc.stop()]);
  }
}
