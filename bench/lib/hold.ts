/** Opening idle connections to a server and waiting until the server has accepted them all. */
import type { NodeChild } from './children';
import type { ChurnResult } from '../load/load-generator';
import type { ServerStats } from './protocol';
import type { BenchServer } from './servers';

const HOLD_CONCURRENCY = 64;

/** Has `client` open `count` more idle connections to `server`; resolves once the server counts them live. */
export async function holdConnections(
  server: BenchServer,
  client: NodeChild,
  count: number,
  maxMs: number,
): Promise<ServerStats> {
  const before = await server.stats();
  const result = await client.request<ChurnResult>('hold', {
    port: server.port,
    count,
    concurrency: HOLD_CONCURRENCY,
    maxMs,
  });
  if (result.connected !== count) {
    throw new Error(`held ${result.connected} of ${count} connections: ${JSON.stringify(result.errorCodes)}`);
  }
  const want = before.live + count;
  const deadline = Date.now() + maxMs;
  for (;;) {
    const stats = await server.stats();
    if (stats.live >= want) return stats;
    if (Date.now() > deadline)
      throw new Error(`${server.kind} server has ${stats.live} of ${want} live connections`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
