/**
 * Datagram processes on real UDP and Unix datagram sockets: one filter call per datagram, replies
 * to the last sender, options applied before bind (also on clients: decision 3), SO_REUSEADDR as
 * asked even though Node's adoption turns it on, broadcast refused without `:broadcast`.
 */
import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  NetworkProcess,
  continueProcess,
  deleteProcess,
  intern,
  prin1ToString,
  processContact,
  processDatagramAddress,
  processSendEof,
  processSendString,
  processStatus,
  setNetworkProcessOption,
  setProcessDatagramAddress,
  stopProcess,
  t,
  vector,
} from '../../src';
import { deleteAllProcesses, lispErrorOf, make, printedError } from '../support/behaviour-helpers';
import { inspectSocket } from '../support/inspect-socket';
import { openDescriptorCount, settledDescriptorCount } from '../support/sockets';
import { settle, waitFor } from '../support/wait';

const datagram = intern('datagram');
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'elproc-dgram-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));
/** Raw peers, closed after each test even when it fails half-way (an open one keeps jest alive). */
const rawSockets: dgram.Socket[] = [];
afterEach(() => {
  deleteAllProcesses();
  for (const socket of rawSockets.splice(0)) socket.close();
});

interface Received {
  proc: string;
  text: string;
  from: string;
}

/** A filter that records every call with the datagram address it saw at that moment. */
function recorder(into: Received[]): (proc: NetworkProcess, text: string) => void {
  return (proc, text) =>
    into.push({ proc: proc.name, text, from: prin1ToString(processDatagramAddress(proc)) });
}

/** A raw Node UDP socket on loopback: the independent peer. */
async function rawUdp(
  type: 'udp4' | 'udp6' = 'udp4',
): Promise<{ socket: dgram.Socket; port: number; got: Buffer[] }> {
  const socket = dgram.createSocket(type);
  rawSockets.push(socket);
  const got: Buffer[] = [];
  socket.on('message', (message) => got.push(message));
  await new Promise<void>((resolve) => socket.bind(0, type === 'udp4' ? '127.0.0.1' : '::1', resolve));
  return { socket, port: socket.address().port, got };
}

describe.each([
  ['IPv4', '127.0.0.1', 'udp4', (port: number) => `[127 0 0 1 ${port}]`],
  ['IPv6', '::1', 'udp6', (port: number) => `[0 0 0 0 0 0 0 1 ${port}]`],
] as const)('%s datagram server', (_, host, type, printed) => {
  test('gets one filter call per datagram, with the sender as its datagram address', async () => {
    const got: Received[] = [];
    // prettier-ignore
    const server = await make(':name', 'ds', ':type', datagram, ':server', t, ':service', t, ':host', host,
                              ':filter', recorder(got));
    expect(processStatus(server)).toBe(intern('open'));
    const port = processContact(server, ':service') as number;
    const peer = await rawUdp(type);
    for (const text of ['one', 'two', 'three']) peer.socket.send(text, port, host);
    await waitFor(() => got.length === 3, 'three datagrams');
    expect(got).toEqual(
      ['one', 'two', 'three'].map((text) => ({ proc: 'ds', text, from: printed(peer.port) })),
    );
    expect(prin1ToString(processContact(server, ':remote'))).toBe(printed(peer.port));
    // The reply goes to the last sender.
    processSendString(server, 'reply');
    await waitFor(() => peer.got.length === 1, 'the reply');
    expect(peer.got[0]?.toString()).toBe('reply');
  });

  test('a client sends to its remote and reads the answer', async () => {
    const peer = await rawUdp(type);
    peer.socket.on('message', (message, sender) =>
      peer.socket.send(`re:${message.toString()}`, sender.port, host),
    );
    const got: Received[] = [];
    const client = await make(
      ':name',
      'dc',
      ':type',
      datagram,
      ':host',
      host,
      ':service',
      peer.port,
      ':filter',
      recorder(got),
    );
    expect(prin1ToString(processDatagramAddress(client))).toBe(printed(peer.port));
    processSendString(client, 'ping');
    await waitFor(() => got.length === 1, 'the answer');
    expect(got[0]).toEqual({ proc: 'dc', text: 're:ping', from: printed(peer.port) });
  });
});

test('a datagram larger than 4096 bytes reaches the filter whole, in one call', async () => {
  const got: Received[] = [];
  // prettier-ignore
  const server = await make(':name', 'big', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
                            ':filter', recorder(got));
  const peer = await rawUdp();
  peer.socket.send('x'.repeat(60000), processContact(server, ':service') as number, '127.0.0.1');
  await waitFor(() => got.length === 1, 'the datagram');
  // No second filter call for the rest of it.
  await settle(50);
  expect(got.map((entry) => entry.text.length)).toEqual([60000]);
});

describe('SO_REUSEADDR after Node adopts the socket', () => {
  test.each([
    ['a server by default', [':server', t], 1],
    ['a server with :reuseaddr nil', [':server', t, ':reuseaddr', null], 0],
    ['a client by default', [], 0],
    ['a client with :reuseaddr t', [':reuseaddr', t], 1],
  ] as const)('is as asked on %s', async (_, extra, expected) => {
    const peer = await rawUdp();
    // prettier-ignore
    const proc = await make(':name', 'r', ':type', datagram, ':host', '127.0.0.1', ':service',
                            extra.length > 0 && extra[0] === ':server' ? 0 : peer.port, ...extra);
    const report = await inspectSocket(proc.fd);
    expect(report.type).toBe('SOCK_DGRAM');
    expect(report.options.SO_REUSEADDR).toBe(expected);
  });
});

test('a datagram client gets its options at creation (decision 3)', async () => {
  const peer = await rawUdp();
  // prettier-ignore
  const client = await make(':name', 'opts', ':type', datagram, ':host', '127.0.0.1', ':service', peer.port,
                            ':priority', 5, ':broadcast', t, ':dontroute', t);
  const report = await inspectSocket(client.fd);
  expect([report.options.SO_PRIORITY, report.options.SO_BROADCAST, report.options.SO_DONTROUTE]).toEqual([
    5, 1, 1,
  ]);
});

describe('broadcast to 127.255.255.255 on lo', () => {
  /** A receiver bound to lo's broadcast address gets what is broadcast there. */
  async function broadcastReceiver(): Promise<{ port: number; got: Buffer[] }> {
    const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    rawSockets.push(socket);
    const got: Buffer[] = [];
    socket.on('message', (message) => got.push(message));
    await new Promise<void>((resolve) => socket.bind(0, '127.255.255.255', resolve));
    return { port: socket.address().port, got };
  }

  test('is refused with EACCES without :broadcast, and arrives once it is set later', async () => {
    const receiver = await broadcastReceiver();
    const client = await make(
      ':name',
      'bc',
      ':type',
      datagram,
      ':host',
      '127.255.255.255',
      ':service',
      receiver.port,
    );
    const refused = await lispErrorOf(() => processSendString(client, 'x'));
    expect(printedError(refused)).toBe('(file-error "Writing to process" "Permission denied" #<process bc>)');
    expect(refused.code).toBe('EACCES');
    expect(processStatus(client)).toBe(intern('open'));
    expect(setNetworkProcessOption(client, ':broadcast', t)).toBe(t);
    processSendString(client, 'to all');
    await waitFor(() => receiver.got.length === 1, 'the broadcast datagram');
    expect(receiver.got[0]?.toString()).toBe('to all');
  });

  test('arrives when :broadcast is given at creation, on a server too', async () => {
    const receiver = await broadcastReceiver();
    // prettier-ignore
    const server = await make(':name', 'bs', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
                              ':broadcast', t);
    expect(setProcessDatagramAddress(server, vector(127, 255, 255, 255, receiver.port))).not.toBeNull();
    processSendString(server, 'from the server');
    await waitFor(() => receiver.got.length === 1, 'the broadcast datagram');
    expect(receiver.got[0]?.toString()).toBe('from the server');
  });
});

test('oversized datagrams signal "Sending datagram"; the process stays open', async () => {
  const peer = await rawUdp();
  const client = await make(':name', 'c1', ':type', datagram, ':host', '127.0.0.1', ':service', peer.port);
  const err = await lispErrorOf(() => processSendString(client, 'a'.repeat(70000)));
  expect(printedError(err)).toBe('(file-error "Sending datagram" "Message too long" #<process c1>)');
  expect(processStatus(client)).toBe(intern('open'));
});

test(':nowait is ignored and process-send-eof changes nothing (decision 6)', async () => {
  const peer = await rawUdp();
  // prettier-ignore
  const client = await make(':name', 'dn', ':type', datagram, ':nowait', t, ':host', '127.0.0.1',
                            ':service', peer.port);
  expect(processStatus(client)).toBe(intern('open'));
  expect(processSendEof(client)).toBe(client);
  processSendString(client, 'after eof');
  await waitFor(() => peer.got.length === 1, 'the datagram');
  expect(peer.got[0]?.toString()).toBe('after eof');
});

test('stop-process holds datagrams back; continue-process delivers them in order', async () => {
  const got: Received[] = [];
  // prettier-ignore
  const server = await make(':name', 'st', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
                            ':filter', recorder(got));
  const peer = await rawUdp();
  stopProcess(server);
  expect(processStatus(server)).toBe(intern('stop'));
  for (let i = 0; i < 5; i++)
    peer.socket.send(`m${i}`, processContact(server, ':service') as number, '127.0.0.1');
  await settle(100);
  expect(got).toEqual([]);
  continueProcess(server);
  await waitFor(() => got.length === 5, 'the held datagrams');
  expect(got.map((entry) => entry.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
});

test('Unix datagram server: receives, reports its path and the zero address', async () => {
  const path = join(directory, 'dg.sock');
  const got: Received[] = [];
  // prettier-ignore
  const server = await make(':name', 'ud', ':type', datagram, ':family', intern('local'), ':service', path,
                            ':server', t, ':filter', recorder(got));
  expect(processContact(server, ':local')).toBe(path);
  const zero = `(0 . [${new Array<string>(108).fill('0').join(' ')}])`;
  expect(prin1ToString(processDatagramAddress(server))).toBe(zero);
  const client = await make(':name', 'uc', ':type', datagram, ':family', intern('local'), ':service', path);
  processSendString(client, 'over unix');
  await waitFor(() => got.length === 1, 'the datagram');
  // An unbound sender has no address: the datagram address stays what it was, as in Emacs.
  expect(got[0]).toEqual({ proc: 'ud', text: 'over unix', from: zero });
  expect(report(await inspectSocket(server.fd))).toEqual(['AF_UNIX', 'SOCK_DGRAM']);
});

function report(entry: { family: string; type: string }): [string, string] {
  return [entry.family, entry.type];
}

test('after delete-process the datagram address is nil and nothing leaks', async () => {
  const before = openDescriptorCount();
  for (let i = 0; i < 50; i++) {
    const server = await make(':name', 'leak', ':type', datagram, ':server', t, ':service', t);
    deleteProcess(server);
    expect(processDatagramAddress(server)).toBeNull();
    expect(processStatus(server)).toBe(intern('closed'));
    const refused = await lispErrorOf(() =>
      make(
        ':name',
        'bad',
        ':type',
        datagram,
        ':host',
        '127.0.0.1',
        ':service',
        9,
        ':bindtodevice',
        'nonexist0',
      ),
    );
    expect(refused.symbol).toBe('file-error');
  }
  expect(await settledDescriptorCount(before)).toBe(before);
});
