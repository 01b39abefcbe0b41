/**
 * Benchmark 4a, memory per idle connection: the elproc accept server (as in accept-rate) against a
 * raw `net` server, each started fresh per round, warmed up, collected, then given N idle
 * connections and collected again. The figure is the growth of RSS and of the V8 heap divided by N.
 */
import { alternate, roundRatios } from './lib/alternate';
import { measureAccepts } from './lib/accept-load';
import { holdConnections } from './lib/hold';
import type { Mode } from './lib/mode';
import { judgedRow, printTable, Row } from './lib/rows';
import { startLoadGenerator, startServer } from './lib/servers';
import { listOf, median } from './lib/stats';

const PARAMETERS = {
  full: { rounds: 3, connections: 2000, warmup: 1000 },
  smoke: { rounds: 1, connections: 200, warmup: 100 },
} as const;

const TARGET = { op: '<=', bound: 1.2, ratioIs: 'elproc ÷ raw bytes per connection' } as const;

export async function idleMemory(mode: Mode): Promise<Row[]> {
  const p = PARAMETERS[mode];
  const client = startLoadGenerator();
  const heap: Record<'raw' | 'elproc', number[]> = { raw: [], elproc: [] };
  try {
    const rss = await alternate(p.rounds, ['raw', 'elproc'] as const, async (kind) => {
      const server = await startServer(kind, 'accept');
      try {
        await measureAccepts(server, client, { count: p.warmup, concurrency: 32, maxMs: 10_000 });
        const before = await server.gcStats();
        await holdConnections(server, client, p.connections, 30_000);
        const after = await server.gcStats();
        await client.request('release');
        heap[kind].push((after.heapUsed - before.heapUsed) / p.connections);
        return (after.rss - before.rss) / p.connections;
      } finally {
        await server.stop();
      }
    });
    const rows = [
      judgedRow(
        `idle connections: RSS per connection (bytes, N=${p.connections})`,
        median(rss.elproc),
        median(rss.raw),
        median(roundRatios(rss.elproc, rss.raw)),
        TARGET,
      ),
      judgedRow(
        `idle connections: V8 heap per connection (bytes, N=${p.connections})`,
        median(heap.elproc),
        median(heap.raw),
        median(roundRatios(heap.elproc, heap.raw)),
        TARGET,
      ),
    ];
    printTable('Memory per idle connection (baseline: raw net server; growth after a full GC)', rows);
    console.log(`  RSS bytes/conn per round: raw ${listOf(rss.raw, 0)}; elproc ${listOf(rss.elproc, 0)}`);
    console.log(`  heap bytes/conn per round: raw ${listOf(heap.raw, 0)}; elproc ${listOf(heap.elproc, 0)}`);
    return rows;
  } finally {
    await client.stop();
  }
}
