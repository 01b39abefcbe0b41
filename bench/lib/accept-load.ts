/**
 * One accept measurement, shared by the accept-rate and accept-scaling benchmarks: the load
 * generator opens and closes COUNT connections (CONCURRENCY in flight); the figure is the
 * server's CPU time over that window divided by the connections it accepted, read once the
 * server has seen every one of them close.
 */
import type { NodeChild } from './children';
import type { ChurnResult } from '../load/load-generator';
import { BenchServer, waitForCloses } from './servers';

export interface AcceptSample {
  /** Server CPU per accepted connection, microseconds. */
  cpuPerConnectionUs: number;
  /** The kernel's part of it. */
  systemPerConnectionUs: number;
  /** Connections per second as the client saw them (client-bound; reported, not judged). */
  rate: number;
  accepted: number;
  errors: number;
  errorCodes: Record<string, number>;
}

export interface ChurnLoad {
  count: number;
  concurrency: number;
  maxMs: number;
}

export async function measureAccepts(
  server: BenchServer,
  client: NodeChild,
  load: ChurnLoad,
): Promise<AcceptSample> {
  const before = await server.stats();
  const result = await client.request<ChurnResult>('churn', { port: server.port, ...load });
  const after = await waitForCloses(server, before.closed + result.connected);
  const accepted = after.accepted - before.accepted;
  return {
    cpuPerConnectionUs: (after.cpuUs - before.cpuUs) / accepted,
    systemPerConnectionUs: (after.cpuSystemUs - before.cpuSystemUs) / accepted,
    rate: (result.connected * 1000) / result.elapsedMs,
    accepted,
    errors: result.errors,
    errorCodes: result.errorCodes,
  };
}

/** A log line for a sample whose client saw errors (refused, reset, out of ports…). */
export function errorNote(label: string, sample: AcceptSample): string | null {
  if (sample.errors === 0) return null;
  return `  ${label}: ${sample.errors} client errors ${JSON.stringify(sample.errorCodes)}`;
}
