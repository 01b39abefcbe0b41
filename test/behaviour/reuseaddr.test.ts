/**
 * `:reuseaddr` on servers against a real TIME_WAIT: without SO_REUSEADDR, bind fails while a
 * TIME_WAIT holds the port; with it (given, or the implicit default of non-local servers) it works.
 */
import net from 'net';
import { deleteProcess, processContact, processStatus, t } from '../../src';
import {
  collect,
  connectPeer,
  deleteAllProcesses,
  lispErrorOf,
  make,
  printedError,
} from '../support/behaviour-helpers';
import { inspectSocket } from '../support/inspect-socket';
import { SsEntry, tcpSockets } from '../support/sockets';
import { waitFor } from '../support/wait';

afterEach(deleteAllProcesses);

/**
 * Leaves a TIME_WAIT on a loopback port: a raw client and server, where the server's side closes
 * first, so the TIME_WAIT belongs to the server's port. Resolves the port once the listener is
 * closed and `ss` shows the TIME_WAIT.
 */
async function timeWaitPort(): Promise<number> {
  const accepted: net.Socket[] = [];
  const listener = net.createServer((socket) => accepted.push(socket));
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', () => resolve()));
  const port = (listener.address() as net.AddressInfo).port;
  const client = await connectPeer(port);
  const clientSide = collect(client);
  const serverSide = await waitFor(() => accepted[0], 'the raw server to accept');
  serverSide.on('error', () => undefined);
  // The server's side sends the first FIN; the client answers with its own once it reads the EOF.
  serverSide.end();
  await clientSide.done;
  await new Promise<void>((resolve) =>
    serverSide.destroyed ? resolve() : serverSide.once('close', resolve),
  );
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  await waitFor(
    async () => (await timeWaits(port)).length > 0,
    `ss to show a TIME-WAIT on 127.0.0.1:${port}`,
  );
  return port;
}

/** The TIME_WAITs whose local end is 127.0.0.1:PORT. */
async function timeWaits(port: number): Promise<SsEntry[]> {
  const entries = await tcpSockets(port, { state: 'TIME-WAIT' });
  return entries.filter((e) => e.local === `127.0.0.1:${port}`);
}

describe('a server on a port held by a TIME_WAIT', () => {
  test(':reuseaddr nil cannot bind: (file-error "Cannot bind server socket" "Address already in use")', async () => {
    const port = await timeWaitPort();
    expect((await timeWaits(port)).length).toBeGreaterThan(0);
    // Nothing listens on the port: only the TIME_WAIT is in the way.
    expect(
      (await tcpSockets(port)).filter((e) => e.state === 'LISTEN' && e.local === `127.0.0.1:${port}`),
    ).toEqual([]);

    const err = await lispErrorOf(() =>
      make(':name', 'noreuse', ':server', t, ':host', '127.0.0.1', ':service', port, ':reuseaddr', null),
    );
    expect(printedError(err)).toBe('(file-error "Cannot bind server socket" "Address already in use")');
    expect(err.code).toBe('EADDRINUSE');
    expect(err.conditions).toEqual(['file-error', 'error']);
  });

  test(':reuseaddr t binds, listens and reads back SO_REUSEADDR 1', async () => {
    const port = await timeWaitPort();
    const srv = await make(
      ':name',
      'reuse',
      ':server',
      t,
      ':host',
      '127.0.0.1',
      ':service',
      port,
      ':reuseaddr',
      t,
    );
    expect(processStatus(srv)?.name).toBe('listen');
    expect(processContact(srv, ':service')).toBe(port);
    expect((await inspectSocket(srv.fd)).options.SO_REUSEADDR).toBe(1);
    // It really accepts.
    const peer = await connectPeer(port);
    peer.destroy();
    deleteProcess(srv);
  });

  test('without :reuseaddr a server gets SO_REUSEADDR implicitly and binds', async () => {
    const port = await timeWaitPort();
    const srv = await make(':name', 'implicit', ':server', t, ':host', '127.0.0.1', ':service', port);
    expect(processStatus(srv)?.name).toBe('listen');
    expect(processContact(srv, ':service')).toBe(port);
    expect((await inspectSocket(srv.fd)).options.SO_REUSEADDR).toBe(1);
  });

  test('control: :reuseaddr nil binds a port that no TIME_WAIT holds, with SO_REUSEADDR 0', async () => {
    const srv = await make(
      ':name',
      'control',
      ':server',
      t,
      ':host',
      '127.0.0.1',
      ':service',
      t,
      ':reuseaddr',
      null,
    );
    expect(processStatus(srv)?.name).toBe('listen');
    expect((await inspectSocket(srv.fd)).options.SO_REUSEADDR).toBe(0);
  });
});
