/**
 * Where elproc differs from Emacs because Node does not block (README, "Differences from Emacs"):
 * elproc-only assertions of the documented behaviour.
 */
import { unlinkSync } from 'node:fs';
import net from 'node:net';
import {
  LispError,
  NetworkProcess,
  deleteProcess,
  intern,
  makeNetworkProcess,
  processContact,
  processExitStatus,
  processList,
  processSendEof,
  processSendString,
  processStatus,
  t,
} from '../../src';
import { POLL_READABLE, constants, libc } from '../../src/ffi';
import { closeAll, openSocket, tempSocketPath } from '../ffi/helpers';
import { peerChild, waitUntil } from './twin';

afterEach(() => {
  for (const proc of processList()) deleteProcess(proc);
});

test('sending while a :nowait connection is made queues the data and sends it once connected', async () => {
  const received: Buffer[] = [];
  const server = net.createServer((socket) => socket.on('data', (chunk: Buffer) => received.push(chunk)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const events: string[] = [];
  // prettier-ignore
  const proc = (await makeNetworkProcess(
    ':name', 'n2', ':nowait', t, ':host', '127.0.0.1', ':service', port,
    ':sentinel', (_p: NetworkProcess, message: string) => events.push(message),
  )) as NetworkProcess;
  expect(processStatus(proc)).toBe(intern('connect'));
  expect(processSendString(proc, 'hello')).toBeNull();
  // Emacs would have blocked until connected; here the call returns while still connecting.
  expect(processStatus(proc)).toBe(intern('connect'));
  expect(await waitUntil(() => Buffer.concat(received).toString() === 'hello')).toBe(true);
  expect(events).toEqual(['open\n']);
  deleteProcess(proc);
  await new Promise((resolve) => server.close(resolve));
});

test('output and EOF sent while connecting both reach the peer once connected, in order', async () => {
  let received = '';
  let ended = false;
  const server = net.createServer((socket) => {
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('end', () => (ended = true));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  // prettier-ignore
  const proc = (await makeNetworkProcess(
    ':name', 'n4', ':nowait', t, ':host', '127.0.0.1', ':service', port,
  )) as NetworkProcess;
  processSendString(proc, 'before-eof');
  processSendEof(proc);
  processSendString(proc, 'after-eof');
  expect(await waitUntil(() => ended)).toBe(true);
  // Emacs discards output after process-send-eof (it writes to /dev/null).
  expect(received).toBe('before-eof');
  deleteProcess(proc);
  await new Promise((resolve) => server.close(resolve));
});

test('data sent while a :nowait connection fails is dropped, and the sentinel reports the failure', async () => {
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as net.AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const events: string[] = [];
  // prettier-ignore
  const proc = (await makeNetworkProcess(
    ':name', 'n3', ':nowait', t, ':host', '127.0.0.1', ':service', port,
    ':sentinel', (_p: NetworkProcess, message: string) => events.push(message),
  )) as NetworkProcess;
  expect(processSendString(proc, 'hello')).toBeNull();
  expect(await waitUntil(() => processStatus(proc) === intern('failed'))).toBe(true);
  expect(processExitStatus(proc)).toBe(111);
  expect(events).toEqual(['failed with code 111\n']);
  expect(() => processSendString(proc, 'again')).toThrow(LispError);
});

test('a sentinel still runs while a descriptor of the loop stays ready: elproc waits at most 10 turns', async () => {
  // A descriptor Node's loop watches and nobody reads: ready on every turn.
  const C = constants();
  const path = tempSocketPath();
  const a = openSocket(C.AF_UNIX, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
  libc().bind(a, { family: 'unix', path: Buffer.from(path) });
  const b = openSocket(C.AF_UNIX, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
  libc().connect(b, { family: 'unix', path: Buffer.from(path) });
  unlinkSync(path);
  const handle = libc().watch(a, () => undefined);
  try {
    handle.start(POLL_READABLE);
    libc().send(b, Buffer.from('never read'), 0);
    const events: string[] = [];
    const server = (await makeNetworkProcess(':name', 'srv', ':server', t, ':service', t)) as NetworkProcess;
    // prettier-ignore
    const client = (await makeNetworkProcess(
      ':name', 'c', ':host', '127.0.0.1', ':service', processContact(server, ':service'),
      ':sentinel', (_p: NetworkProcess, message: string) => events.push(message),
    )) as NetworkProcess;
    expect(await waitUntil(() => peerChild('srv', client))).toBe(true);
    expect(libc().loopEventsWaiting()).toBe(true);
    deleteProcess(peerChild('srv', client));
    expect(await waitUntil(() => events.length > 0, 1)).toBe(true);
    expect(events).toEqual(['connection broken by remote peer\n']);
    expect(libc().loopEventsWaiting()).toBe(true);
  } finally {
    handle.close();
    closeAll();
  }
});
