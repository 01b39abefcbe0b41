/**
 * Benchmark 4b, accept cost as live connections grow: the elproc accept server and a raw `net`
 * server each hold 100, then 1,000, then 10,000 idle connections (from a load generator of their
 * own, since 2 × 10,000 descriptors exceed one process's limit here), and in each regime the
 * server CPU per newly accepted connection is measured in alternating runs.
 */
import { errorNote, measureAccepts } from './lib/accept-load';
import { alternate, roundRatios } from './lib/alternate';
import { holdConnections } from './lib/hold';
import type { Mode } from './lib/mode';
import { judgedRow, printTable, Row } from './lib/rows';
import { BenchServer, startLoadGenerator, startServer } from './lib/servers';
import { listOf, median } from './lib/stats';

const PARAMETERS = {
  full: {
    regimes: [100, 1000, 10_000],
    rounds: 3,
    warmup: 3000,
    load: { count: 20_000, concurrency: 32, maxMs: 20_000 },
  },
  smoke: {
    regimes: [100, 1000, 2000],
    rounds: 1,
    warmup: 200,
    load: { count: 500, concurrency: 32, maxMs: 3000 },
  },
} as const;

type Kind = 'raw' | 'elproc';

export async function acceptScaling(mode: Mode): Promise<Row[]> {
  const p = PARAMETERS[mode];
  const clients = { raw: startLoadGenerator(), elproc: startLoadGenerator() };
  const servers: Partial<Record<Kind, BenchServer>> = {};
  try {
    servers.raw = await startServer('raw', 'accept');
    servers.elproc = await startServer('elproc', 'accept');
    const started = servers as Record<Kind, BenchServer>;
    for (const kind of ['raw', 'elproc'] as const) {
      await measureAccepts(started[kind], clients[kind], { ...p.load, count: p.warmup });
    }
    const perRegime: Array<{ live: number; cpu: Record<Kind, number[]> }> = [];
    let held = 0;
    for (const live of p.regimes) {
      for (const kind of ['raw', 'elproc'] as const) {
        await holdConnections(started[kind], clients[kind], live - held, 60_000);
      }
      held = live;
      const cpu = await alternate(p.rounds, ['raw', 'elproc'] as const, async (kind) => {
        const sample = await measureAccepts(started[kind], clients[kind], p.load);
        const note = errorNote(`${kind} with ${live} live`, sample);
        if (note !== null) console.log(note);
        return sample.cpuPerConnectionUs;
      });
      perRegime.push({ live, cpu });
    }
    const rows: Row[] = perRegime.map(({ live, cpu }) =>
      judgedRow(
        `accept with ${live.toLocaleString('en')} live: server CPU per connection (µs)`,
        median(cpu.elproc),
        median(cpu.raw),
        median(roundRatios(cpu.raw, cpu.elproc)),
        {
          op: '>=',
          bound: 0.9,
          ratioIs: 'raw CPU ÷ elproc CPU',
        },
      ),
    );
    const first = perRegime[0];
    const last = perRegime[perRegime.length - 1];
    if (first !== undefined && last !== undefined) {
      const low = median(first.cpu.elproc);
      const high = median(last.cpu.elproc);
      rows.push(
        judgedRow(
          `elproc accept µs/conn at ${last.live.toLocaleString('en')} live (baseline: elproc at ${first.live} live)`,
          high,
          low,
          high / low,
          {
            op: '<=',
            bound: 1.5,
            ratioIs: `${last.live} live ÷ ${first.live} live`,
          },
        ),
      );
      const rawFlatness = median(last.cpu.raw) / median(first.cpu.raw);
      printTable('Accept cost with live connections (baseline: raw net server holding as many)', rows);
      console.log(
        `  raw Node for reference: ${last.live} live ÷ ${first.live} live = ${rawFlatness.toFixed(2)}x`,
      );
    }
    for (const { live, cpu } of perRegime) {
      console.log(`  ${live} live, µs/conn per round: raw ${listOf(cpu.raw)}; elproc ${listOf(cpu.elproc)}`);
    }
    return rows;
  } finally {
    await Promise.all([
      clients.raw.stop(),
      clients.elproc.stop(),
      ...Object.values(servers).map((server) => server.stop()),
    ]);
  }
}
