/**
 * Where elproc differs from Emacs because Node does not block (README, "Differences from Emacs"):
 * elproc-only assertions of the documented behaviour.
 */
import net from 'node:net';
import {
  LispError,
  NetworkProcess,
  deleteProcess,
  intern,
  makeNetworkProcess,
  processExitStatus,
  processList,
  processSendEof,
  processSendString,
  processStatus,
  t,
} from '../../src';
import { waitUntil } from './twin';

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
