/**
 * The messages between the benchmark runner and its Node children (servers, load generator,
 * option-apply worker), and the child side of the request loop.
 */

export interface Request {
  id: number;
  type: string;
  args: Record<string, unknown>;
}

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** What a benchmark server reports about itself. */
export interface ServerStats {
  /** process.cpuUsage() user + system, microseconds since the process started. */
  cpuUs: number;
  /** The system (kernel) part of cpuUs. */
  cpuSystemUs: number;
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  accepted: number;
  closed: number;
  /** Connections accepted and not yet closed. */
  live: number;
  /** Bytes the server received (echo mode). */
  bytesIn: number;
}

/** Sent once by a server when it listens. */
export interface ReadyMessage {
  ready: true;
  port: number;
}

type Handler = (args: Record<string, unknown>) => unknown;

/** The longest any benchmark child lives; a bound in case the runner dies without killing it. */
export const CHILD_MAX_LIFETIME_MS = 15 * 60 * 1000;

/**
 * Child side: answers each request with its handler's (awaited) result, exits when the runner
 * disconnects or sends SIGTERM, and in any case after CHILD_MAX_LIFETIME_MS.
 */
export function serveRequests(handlers: Record<string, Handler>): void {
  const send = process.send?.bind(process);
  if (send === undefined) throw new Error('a benchmark child must be started with an IPC channel');
  process.on('message', (message: Request) => {
    const handler = handlers[message.type];
    Promise.resolve()
      .then(() => {
        if (handler === undefined) throw new Error(`unknown request ${message.type}`);
        return handler(message.args);
      })
      .then(
        (result) => send({ id: message.id, ok: true, result } satisfies Reply),
        (err: unknown) =>
          send({
            id: message.id,
            ok: false,
            error: err instanceof Error ? (err.stack ?? err.message) : String(err),
          } satisfies Reply),
      );
  });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  setTimeout(() => process.exit(3), CHILD_MAX_LIFETIME_MS).unref();
}

/** Reads a number argument, failing loudly when it is missing. */
export function numberArg(args: Record<string, unknown>, key: string): number {
  const value = args[key];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`argument ${key} must be a number`);
  return value;
}

/** Reads a string argument, failing loudly when it is missing. */
export function stringArg(args: Record<string, unknown>, key: string): string {
  const value = args[key];
  if (typeof value !== 'string') throw new Error(`argument ${key} must be a string`);
  return value;
}
