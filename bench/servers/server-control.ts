/**
 * What the Node benchmark servers share: counters, the `stats` and `gc` requests, and the ready
 * message with the port. Started with --expose-gc so `gc` can settle the heap before a memory
 * reading.
 */
import { ReadyMessage, serveRequests, ServerStats } from '../lib/protocol';

export interface Counters {
  accepted: number;
  closed: number;
  bytesIn: number;
}

export function newCounters(): Counters {
  return { accepted: 0, closed: 0, bytesIn: 0 };
}

function stats(counters: Counters): ServerStats {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return {
    cpuUs: cpu.user + cpu.system,
    cpuSystemUs: cpu.system,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
    accepted: counters.accepted,
    closed: counters.closed,
    live: counters.accepted - counters.closed,
    bytesIn: counters.bytesIn,
  };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('start the server with --expose-gc');
  // Twice: the first pass may leave objects whose finalizers free more.
  gc();
  gc();
}

/** Answers the runner's requests and tells it the port. */
export function startServerControl(counters: Counters, port: number): void {
  serveRequests({
    stats: () => stats(counters),
    gc: async () => {
      collectGarbage();
      // Let native handles closed meanwhile release their memory, then settle again.
      await new Promise((resolve) => setTimeout(resolve, 50));
      collectGarbage();
      return stats(counters);
    },
  });
  const ready: ReadyMessage = { ready: true, port };
  process.send?.(ready);
}

/** The mode argument every benchmark server takes. */
export type ServerMode = 'accept' | 'echo';

export function modeArgument(): ServerMode {
  const mode = process.argv[2];
  if (mode !== 'accept' && mode !== 'echo') throw new Error(`usage: server accept|echo (got ${mode})`);
  return mode;
}
