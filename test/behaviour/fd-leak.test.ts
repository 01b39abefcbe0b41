/**
 * No descriptor leaks: 500 create/delete cycles over every way a network process can start and
 * end (success, refusal, bind failure, option failure, a bad :coding once the socket exists,
 * asynchronous failure) leave /proc/self/fd as it was, once the event loop has settled.
 */
import net from 'net';
import {
  deleteProcess,
  intern,
  NetworkProcess,
  processList,
  processSendString,
  processStatus,
  t,
  vector,
} from '../../src';
import {
  closedPort,
  deleteAllProcesses,
  lispErrorOf,
  listenPeer,
  make,
  Peer,
  printedError,
} from '../support/behaviour-helpers';
import { openDescriptorCount, openDescriptors, settledDescriptorCount } from '../support/sockets';
import { waitFor } from '../support/wait';

const CYCLES = 500;
const TIME_LIMIT_MS = 60_000;

let peer: Peer;
let holder: net.Server;
let heldPort: number;
let refusedPort: number;

beforeAll(async () => {
  // The raw peer reads (and drops) everything, so that it sees each client's FIN and closes too.
  peer = await listenPeer('127.0.0.1', (socket) => socket.resume());
  holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
  heldPort = (holder.address() as net.AddressInfo).port;
  refusedPort = await closedPort();
});

afterAll(async () => {
  deleteAllProcesses();
  await peer.close();
  await new Promise<void>((resolve) => holder.close(() => resolve()));
});

type Kind = 'server' | 'client' | 'refused' | 'addrinuse' | 'bad-option' | 'bad-coding' | 'nowait-refused';
const KINDS: Kind[] = [
  'server',
  'client',
  'refused',
  'addrinuse',
  'bad-option',
  'bad-coding',
  'nowait-refused',
];

/** Where a `:coding "utf-8"` is signalled once the socket exists (bound, or connected). */
const BAD_CODING_ARGS = (i: number): unknown[] => {
  switch (i % 4) {
    case 0:
      return [':name', 'leak-coding', ':server', t, ':host', '127.0.0.1', ':service', t];
    case 1:
      return [':name', 'leak-coding', ':host', '127.0.0.1', ':service', peer.port];
    case 2:
      return [
        ':name',
        'leak-coding',
        ':type',
        intern('datagram'),
        ':server',
        t,
        ':host',
        '127.0.0.1',
        ':service',
        t,
      ];
    default:
      return [':name', 'leak-coding', ':remote', vector(127, 0, 0, 1, peer.port), ':nowait', t];
  }
};

/** One create/delete cycle of `kind`, checking that it ended the way it should. */
async function cycle(kind: Kind, i: number): Promise<void> {
  switch (kind) {
    case 'server': {
      const srv = await make(':name', 'leak-server', ':server', t, ':host', '127.0.0.1', ':service', t);
      if (processStatus(srv)?.name !== 'listen')
        throw new Error(`server status ${String(processStatus(srv))}`);
      deleteProcess(srv);
      return;
    }
    case 'client': {
      const proc = await make(':name', 'leak-client', ':host', '127.0.0.1', ':service', peer.port);
      processSendString(proc, 'x');
      deleteProcess(proc);
      return;
    }
    case 'refused': {
      const err = await lispErrorOf(() =>
        make(':name', 'leak-refused', ':host', '127.0.0.1', ':service', refusedPort),
      );
      if (err.code !== 'ECONNREFUSED') throw new Error(`refused: ${printedError(err)}`);
      return;
    }
    case 'addrinuse': {
      const err = await lispErrorOf(() =>
        make(
          ':name',
          'leak-inuse',
          ':server',
          t,
          ':host',
          '127.0.0.1',
          ':service',
          heldPort,
          ':reuseaddr',
          t,
        ),
      );
      if (err.code !== 'EADDRINUSE') throw new Error(`addrinuse: ${printedError(err)}`);
      return;
    }
    case 'bad-option': {
      // Alternately a server and a client whose socket fails setsockopt right after socket().
      const args =
        i % 2 === 0
          ? [':name', 'leak-badopt', ':server', t, ':host', '127.0.0.1', ':service', t]
          : [':name', 'leak-badopt', ':host', '127.0.0.1', ':service', peer.port];
      const err = await lispErrorOf(() => make(...args, ':bindtodevice', 'nonexist0'));
      if (err.code !== 'ENODEV') throw new Error(`bad option: ${printedError(err)}`);
      return;
    }
    case 'bad-coding': {
      const err = await lispErrorOf(() => make(...BAD_CODING_ARGS(i), ':coding', 'utf-8'));
      if (printedError(err) !== '(wrong-type-argument symbolp "utf-8")')
        throw new Error(`bad coding: ${printedError(err)}`);
      return;
    }
    case 'nowait-refused': {
      const events: string[] = [];
      const proc: NetworkProcess = await make(
        ':name', 'leak-nowait',
        ':host', '127.0.0.1',
        ':service', refusedPort,
        ':nowait', t,
        ':sentinel', (_p: NetworkProcess, event: string) => events.push(event),
      ); // prettier-ignore
      await waitFor(() => events.length > 0, 'the :nowait connection to fail');
      if (events[0] !== 'failed with code 111\n') throw new Error(`nowait: ${JSON.stringify(events)}`);
      deleteProcess(proc);
      if (events[1] !== 'deleted\n') throw new Error(`nowait after delete: ${JSON.stringify(events)}`);
      return;
    }
  }
}

test(
  `${CYCLES} create/delete cycles of every kind leave no descriptor open`,
  async () => {
    // Warm-up: anything created once and kept (the FFI library, resolver state) is not a leak.
    for (const [i, kind] of KINDS.entries()) await cycle(kind, i);
    await waitFor(() => processList().length === 0 && peer.connections.every((s) => s.destroyed), 'warm-up');
    const baseline = openDescriptorCount();
    const before = openDescriptors();

    const started = Date.now();
    const counts = new Map<Kind, number>();
    for (let i = 0; i < CYCLES; i++) {
      const kind = KINDS[i % KINDS.length] as Kind;
      await cycle(kind, i);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const cyclesMs = Date.now() - started;

    expect(processList()).toEqual([]);
    // Let the last closes finish: the raw peer closes its ends once it reads the clients' FINs.
    const settled = await settledDescriptorCount(baseline, 10_000);
    const after = openDescriptors();
    const leaked = [...after].filter(([fd, target]) => before.get(fd) !== target);
    console.log(
      `fd leak: ${CYCLES} cycles (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${cyclesMs} ms; ` +
        `descriptors ${baseline} before, ${settled} after`,
    );
    expect(leaked).toEqual([]);
    expect(openDescriptorCount()).toBe(baseline);
    expect(Date.now() - started).toBeLessThan(TIME_LIMIT_MS);
  },
  TIME_LIMIT_MS + 10_000,
);
