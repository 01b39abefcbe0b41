/**
 * One elproc echo server per core: Node's cluster forks a worker per core, each worker makes its
 * own server on the same port with `:reuseport t`, and the kernel spreads the connections over
 * them (SO_REUSEPORT). The primary then connects a few hundred clients, checks every echo, and
 * prints how many connections each worker took.
 */
import cluster from 'node:cluster';
import net from 'node:net';
import { availableParallelism } from 'node:os';
import { deleteProcess, makeNetworkProcess, processSendString } from 'elproc';
import type { NetworkProcess } from 'elproc';

const CLIENTS = 200;

interface Ready {
  readonly ready: true;
}
interface Counted {
  readonly accepted: number;
}

async function worker(port: number): Promise<void> {
  let accepted = 0;
  const server: NetworkProcess = await makeNetworkProcess({
    name: `echo-${process.pid}`,
    // A backlog for a burst of clients (`:server t` is Emacs's 5).
    server: 256,
    host: '127.0.0.1',
    service: port,
    reuseport: true,
    coding: 'binary',
    log: () => accepted++,
    filter: (proc, text) => processSendString(proc, text),
  });
  process.on('message', (message) => {
    if (message !== 'report') return;
    process.send?.({ accepted } satisfies Counted, undefined, {}, () => {
      deleteProcess(server);
      process.disconnect();
    });
  });
  process.send?.({ ready: true } satisfies Ready);
}

/** A free port on 127.0.0.1, for the workers to share. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function echoOnce(port: number, i: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const text = `client ${i}`;
    let got = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    socket.on('data', (data: Buffer) => {
      got += data.toString();
      if (got === text) socket.end(resolve);
    });
    socket.on('error', reject);
  });
}

async function primary(): Promise<void> {
  const port = await freePort();
  // Run as TypeScript (ts-node), the workers need the same loader; compiled JavaScript does not.
  if (process.argv[1]?.endsWith('.ts') === true)
    cluster.setupPrimary({ execArgv: ['-r', 'ts-node/register/transpile-only'] });
  const workers = Array.from({ length: availableParallelism() }, () =>
    cluster.fork({ ELPROC_EXAMPLE_PORT: String(port) }),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve, reject) => {
          w.once('message', resolve);
          w.once('exit', (code) =>
            reject(new Error(`a worker exited with ${String(code)} before it listened`)),
          );
        }),
    ),
  );
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => echoOnce(port, i)));
  const counts = await Promise.all(
    workers.map(
      (w) =>
        new Promise<number>((resolve) => {
          w.once('message', (message: Counted) => resolve(message.accepted));
          w.send('report');
        }),
    ),
  );
  console.log(`${CLIENTS} echoes checked; connections per worker: ${JSON.stringify(counts)}`);
}

if (cluster.isPrimary) {
  primary().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  worker(Number(process.env.ELPROC_EXAMPLE_PORT)).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
