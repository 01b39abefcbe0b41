/**
 * Create/delete cycles over every way a network process or a subprocess can start and end, each
 * checking that it ended the way it should: shared by the descriptor-leak test and the soak.
 */
import { mkdtempSync, rmSync } from 'fs';
import net from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  deleteProcess,
  intern,
  makeProcess,
  processSendEof,
  NetworkProcess,
  processContact,
  processList,
  processSendString,
  processStatus,
  t,
  vector,
} from '../../src';
import { closedPort, lispErrorOf, make, printedError } from './behaviour-helpers';
import { waitFor } from './wait';

/** The peers and ports the cycles use, made once. */
export interface CycleWorld {
  /** A raw server that reads and drops everything; it keeps no reference to closed sockets. */
  peer: { port: number; open(): number };
  heldPort: number;
  refusedPort: number;
  directory: string;
  close(): Promise<void>;
}

export async function makeCycleWorld(): Promise<CycleWorld> {
  // The raw peer reads (and drops) everything, so that it sees each client's FIN and closes too.
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const peer = { port: (server.address() as net.AddressInfo).port, open: () => sockets.size };
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
  const heldPort = (holder.address() as net.AddressInfo).port;
  const refusedPort = await closedPort();
  const directory = mkdtempSync(join(tmpdir(), 'elproc-cycles-'));
  return {
    peer,
    heldPort,
    refusedPort,
    directory,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => holder.close(() => resolve()));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export type Kind =
  | 'server'
  | 'client'
  | 'refused'
  | 'addrinuse'
  | 'bad-option'
  | 'bad-coding'
  | 'nowait-refused'
  | 'children'
  | 'datagram'
  | 'seqpacket'
  | 'subprocess'
  | 'pty';
export const KINDS: Kind[] = [
  'server',
  'client',
  'refused',
  'addrinuse',
  'bad-option',
  'bad-coding',
  'nowait-refused',
  'children',
  'datagram',
  'seqpacket',
  'subprocess',
  'pty',
];

/** Where a `:coding "utf-8"` is signalled once the socket exists (bound, or connected). */
const badCodingArgs = (peer: CycleWorld['peer'], i: number): unknown[] => {
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
export async function cycle(world: CycleWorld, kind: Kind, i: number): Promise<void> {
  const { peer, heldPort, refusedPort } = world;
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
      const err = await lispErrorOf(() => make(...badCodingArgs(peer, i), ':coding', 'utf-8'));
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
    case 'children': {
      // A server, a client, the child it accepts, an echo through the child, then all deleted.
      const srv = await make(':name', 'leak-echo', ':server', t, ':host', '127.0.0.1', ':service', t,
        ':filter', (proc: NetworkProcess, text: string) => processSendString(proc, text)); // prettier-ignore
      let echoed = '';
      const c = await make(':name', 'leak-echo-client', ':host', '127.0.0.1',
        ':service', processContact(srv, ':service'),
        ':filter', (_proc: NetworkProcess, text: string) => (echoed += text)); // prettier-ignore
      processSendString(c, `ping ${i}`);
      await waitFor(() => echoed === `ping ${i}`, 'the echo through the child');
      deleteProcess(c);
      deleteProcess(srv);
      // The child outlives its server, as in Emacs, until it reads the client's end.
      await waitFor(() => processList().length === 0, 'the child to see the end');
      return;
    }
    case 'datagram': {
      const datagram = intern('datagram');
      let got = '';
      const srv = await make(':name', 'leak-udp', ':type', datagram, ':server', t, ':host', '127.0.0.1', ':service', t,
        ':filter', (_proc: NetworkProcess, text: string) => (got += text)); // prettier-ignore
      const c = await make(':name', 'leak-udp-client', ':type', datagram, ':host', '127.0.0.1',
        ':service', processContact(srv, ':service')); // prettier-ignore
      processSendString(c, 'datagram');
      await waitFor(() => got === 'datagram', 'the datagram');
      deleteProcess(c);
      deleteProcess(srv);
      return;
    }
    case 'seqpacket': {
      const path = join(world.directory, `sp${i}`);
      let got = '';
      const srv = await make(':name', 'leak-sp', ':type', intern('seqpacket'), ':family', intern('local'),
        ':service', path, ':server', t,
        ':filter', (_proc: NetworkProcess, text: string) => (got += text)); // prettier-ignore
      const c = await make(':name', 'leak-sp-client', ':type', intern('seqpacket'), ':family', intern('local'),
        ':service', path); // prettier-ignore
      processSendString(c, 'message');
      await waitFor(() => got === 'message', 'the message');
      deleteProcess(c);
      deleteProcess(srv);
      await waitFor(() => processList().length === 0, 'the child to see the end');
      rmSync(path, { force: true });
      return;
    }
    case 'subprocess': {
      // cat on pipes: an answer, then its end by EOF (it finishes) or by delete-process (killed).
      let out = '';
      const events: string[] = [];
      const proc: NetworkProcess = makeProcess(':name', 'leak-sub', ':command', ['cat'],
        ':connection-type', intern('pipe'),
        ':filter', (_p: NetworkProcess, text: string) => (out += text),
        ':sentinel', (_p: NetworkProcess, event: string) => events.push(event)); // prettier-ignore
      processSendString(proc, `sub ${i}\n`);
      await waitFor(() => out === `sub ${i}\n`, 'the answer from cat');
      if (i % 2 === 0) processSendEof(proc);
      else deleteProcess(proc);
      await waitFor(() => events.length > 0, 'the end of cat');
      const expected = i % 2 === 0 ? 'finished\n' : 'killed\n';
      if (events[0] !== expected) throw new Error(`subprocess: ${JSON.stringify(events)}`);
      await waitFor(() => processList().length === 0, 'the subprocess to leave process-list');
      return;
    }
    case 'pty': {
      const events: string[] = [];
      makeProcess(':name', 'leak-pty', ':command', ['true'], ':connection-type', intern('pty'),
        ':sentinel', (_p: NetworkProcess, event: string) => events.push(event)); // prettier-ignore
      await waitFor(() => events.length > 0, 'the end of true on a pty');
      if (events[0] !== 'finished\n') throw new Error(`pty: ${JSON.stringify(events)}`);
      await waitFor(() => processList().length === 0, 'the pty process to leave process-list');
      return;
    }
  }
}
