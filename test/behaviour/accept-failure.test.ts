/**
 * Decision 7: accept failures do not busy-loop. Emacs 28 calls :log with "accept failed with
 * code24\n" hundreds of thousands of times a second while a connection waits and descriptors are
 * exhausted (E17). elproc's own accept loop logs the same text, then waits 100 ms before trying
 * again; the connections wait in the kernel's queue and are accepted once descriptors are free.
 */
import net from 'node:net';
import type { NetworkProcess } from '../../src';
import {
  continueProcess,
  intern,
  processContact,
  processList,
  processName,
  processStatus,
  stopProcess,
  t,
} from '../../src';
import { deleteAllProcesses, make } from '../support/behaviour-helpers';
import { logUntil, nextLine, startEmfileServer } from '../support/emfile-fixture';
import { settle, waitFor } from '../support/wait';

afterEach(deleteAllProcesses);

const DESCRIPTOR_LIMIT = 64;
const CLIENTS = 20;

/** A client connection that remembers whether the server closed it (an end or an error). */
function connectAndWatch(port: number): { socket: net.Socket; closed: () => boolean } {
  const socket = net.connect(port, '127.0.0.1');
  let closed = false;
  const onClosed = (): void => {
    closed = true;
  };
  socket.on('end', onClosed);
  socket.on('error', onClosed);
  return { socket, closed: () => closed };
}

test("a server out of descriptors logs Emacs's text a bounded number of times, then accepts", async () => {
  const child = startEmfileServer(DESCRIPTOR_LIMIT);
  try {
    const port = Number(await nextLine(child));
    expect(port).toBeGreaterThan(0);

    // The connections wait in the listen queue (:server 20) instead of being closed, while the
    // accept loop fails for a second.
    const clients = Array.from({ length: CLIENTS }, () => connectAndWatch(port));
    try {
      await settle(1000);
      expect(clients.filter((client) => client.closed())).toEqual([]);
      child.stdin.write('free\n');
      expect(await nextLine(child)).toBe('freed');
      const accepted = (messages: string[]): number =>
        messages.filter((message) => message === 'accept from 127.0.0.1\n').length;
      const messages = await logUntil(child, (m) => accepted(m) >= CLIENTS, 'every client to be accepted');
      expect(clients.filter((client) => client.closed())).toEqual([]);
      const failures = messages.filter((message) => message.startsWith('accept failed'));
      // Emacs's text, about ten times a second while it lasts: no busy loop.
      expect(new Set(failures)).toEqual(new Set(['accept failed with code24\n']));
      expect(failures.length).toBeGreaterThanOrEqual(3);
      expect(failures.length).toBeLessThanOrEqual(30);
      expect(accepted(messages)).toBe(CLIENTS);
    } finally {
      for (const client of clients) client.socket.destroy();
    }
  } finally {
    child.kill();
  }
}, 30_000);

test('a connection reset before it is accepted makes a child that reports the reset, as in Emacs', async () => {
  const logs: string[] = [];
  const events: string[] = [];
  const children: NetworkProcess[] = [];
  // prettier-ignore
  const server = await make(':name', 'rst', ':server', t, ':service', t, ':host', '127.0.0.1',
                            ':log', (_server: unknown, child: NetworkProcess, message: string) => {
                              children.push(child);
                              logs.push(message);
                            },
                            ':sentinel', (_proc: unknown, event: string) => events.push(event));
  const port = processContact(server, ':service') as number;
  stopProcess(server);
  const doomed = net.connect(port, '127.0.0.1');
  doomed.on('error', () => undefined);
  await new Promise((resolve) => doomed.once('connect', resolve));
  const doomedPort = doomed.localPort;
  // RST while the connection waits in the listen queue: accept() still returns it (getpeername on
  // it would fail with ENOTCONN; the address comes from accept itself, as in Emacs).
  doomed.resetAndDestroy();
  await settle(50);
  expect(logs).toEqual([]);
  continueProcess(server);
  await waitFor(() => events.length >= 2, 'the child to see the reset');
  expect(logs).toEqual(['accept from 127.0.0.1\n']);
  expect(events).toEqual(['open from 127.0.0.1\n', 'connection broken by remote peer\n']);
  expect(processList().map((proc) => processName(proc))).not.toContain(`rst <127.0.0.1:${doomedPort}>`);
  // Its descriptor is closed with it.
  expect(children[0]?.fd).toBeNull();
  // The server goes on.
  const survivor = net.connect(port, '127.0.0.1');
  survivor.on('error', () => undefined);
  await new Promise((resolve) => survivor.once('connect', resolve));
  await waitFor(() => logs.length >= 2, 'the next connection to be accepted');
  survivor.destroy();
  expect(processStatus(server)).toBe(intern('listen'));
});
