/**
 * accept-process-output's JUST-THIS-ONE on real sockets: while such a wait is pending only the
 * processes it (and any other pending JUST-THIS-ONE wait) is for read; everything else, servers
 * and processes made meanwhile included, is held back and reads afterwards, with nothing lost
 * and nothing reordered (src/process/core/reading.ts has the rule).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  NetworkProcess,
  acceptProcessOutput,
  continueProcess,
  deleteProcess,
  equal,
  intern,
  processContact,
  processSendString,
  processStatus,
  stopProcess,
  t,
} from '../../src';
import { deleteAllProcesses, make } from '../support/behaviour-helpers';
import { RawPeers, recorder, server } from '../support/stream-helpers';
import { settle, waitFor } from '../support/wait';

const raw = new RawPeers();
let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'elproc-jto-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));
afterEach(async () => {
  deleteAllProcesses();
  await raw.closeAll();
});

/** An elproc server with `count` clients, each with a recorder, and the child serving each. */
async function clients(count: number): Promise<{
  srv: NetworkProcess;
  port: number;
  procs: NetworkProcess[];
  recs: ReturnType<typeof recorder>[];
  children: NetworkProcess[];
}> {
  const { srv, port, children } = await server('jto-srv');
  const procs: NetworkProcess[] = [];
  const recs: ReturnType<typeof recorder>[] = [];
  for (let i = 0; i < count; i++) {
    const rec = recorder();
    const client = await make(':name', `c${i + 1}`, ':host', '127.0.0.1', ':service', port, ':filter', rec.filter, ':sentinel', rec.sentinel); // prettier-ignore
    procs.push(client);
    recs.push(rec);
  }
  await waitFor(() => children.length === count, 'the children');
  // Each child, found by its peer: the child's :remote is the client's :local.
  const peerOf = (client: NetworkProcess): NetworkProcess => {
    const local = processContact(client, ':local');
    const child = children.find((ch) => equal(processContact(ch, ':remote'), local));
    if (child === undefined) throw new Error(`no child for ${client.name}`);
    return child;
  };
  return { srv, port, procs, recs, children: procs.map(peerOf) };
}

/** Numbered lines, `bytes` long in all, so that a loss or a reordering shows. */
function numberedText(tag: string, bytes: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const line = `${tag} ${String(i).padStart(7, '0')}\n`;
    lines.push(line);
    length += line.length;
  }
  return lines.join('');
}

test("c2's data, more than the kernel holds, is not read during the wait and arrives whole and in order after it", async () => {
  const { procs, recs, children } = await clients(2);
  const [c1, c2] = procs as [NetworkProcess, NetworkProcess];
  const [rec1, rec2] = recs as [ReturnType<typeof recorder>, ReturnType<typeof recorder>];
  const [ch1, ch2] = children as [NetworkProcess, NetworkProcess];
  // 4 MB: more than c2's receive queue, so the rest waits in the child's send queue meanwhile.
  const big = numberedText('c2', 4 * 1024 * 1024);
  const wait = acceptProcessOutput(c1, 0.4, null, t);
  for (let offset = 0; offset < big.length; offset += 65536)
    processSendString(ch2, big.slice(offset, offset + 65536));
  await settle(100);
  processSendString(ch1, 'for c1');
  expect(await wait).toBe(t);
  expect(rec1.text()).toBe('for c1');
  expect(rec2.chunks).toEqual([]);
  await waitFor(() => rec2.text().length >= big.length, "c2's data after the wait", 10000);
  expect(rec2.text()).toBe(big);
  // The filter was handed at most read-process-output-max bytes a time, as always.
  expect(Math.max(...rec2.chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(4096);
  expect(processStatus(c2)).toBe(intern('open'));
});

test('a wait that times out lets the others go; their status never shows stop', async () => {
  const { procs, recs, children } = await clients(2);
  const [c1, c2] = procs as [NetworkProcess, NetworkProcess];
  const wait = acceptProcessOutput(c1, 0.2, null, t);
  processSendString(children[1] as NetworkProcess, 'held');
  expect(processStatus(c2)).toBe(intern('open'));
  expect(await wait).toBeNull();
  expect(recs[1]?.chunks).toEqual([]);
  await waitFor(() => recs[1]?.text() === 'held', "c2's data");
  expect(processStatus(c1)).toBe(intern('open'));
});

test('concurrent waits: the union of their processes reads; the rest reads once the last one ends', async () => {
  const { procs, recs, children } = await clients(3);
  const [c1, c2] = procs as [NetworkProcess, NetworkProcess];
  const [rec1, rec2, rec3] = recs as [ReturnType<typeof recorder>, ReturnType<typeof recorder>, ReturnType<typeof recorder>]; // prettier-ignore
  const [ch1, ch2, ch3] = children as [NetworkProcess, NetworkProcess, NetworkProcess];
  const wait1 = acceptProcessOutput(c1, 0.2, null, t);
  const wait2 = acceptProcessOutput(c2, 0.6, null, t);
  // A plain wait does not widen the set: c3 stays held back while it waits too.
  const plain = acceptProcessOutput(procs[2], 0.1);
  processSendString(ch3, 'c3 #1');
  processSendString(ch1, 'c1 #1');
  expect(await wait1).toBe(t);
  expect(rec1.text()).toBe('c1 #1');
  expect(await plain).toBeNull();
  expect(rec3.chunks).toEqual([]);
  processSendString(ch2, 'c2 #1');
  expect(await wait2).toBe(t);
  expect(rec2.text()).toBe('c2 #1');
  await waitFor(() => rec3.text() === 'c3 #1', "c3's data once both waits ended");

  // wait1 ends first; c3 stays held back while wait2 goes on.
  const w1 = acceptProcessOutput(c1, 0.1, null, t);
  const w2 = acceptProcessOutput(c2, 0.5, null, t);
  processSendString(ch3, ' c3 #2');
  expect(await w1).toBeNull();
  await settle(150);
  expect(rec3.text()).toBe('c3 #1');
  processSendString(ch2, ' c2 #2');
  expect(await w2).toBe(t);
  await waitFor(() => rec3.text() === 'c3 #1 c3 #2', "c3's data after the last wait");
});

test('several waits for the same process: it reads until the last of them ends', async () => {
  const { procs, recs, children } = await clients(2);
  const c1 = procs[0] as NetworkProcess;
  const short = acceptProcessOutput(c1, 0.05, null, t);
  const long = acceptProcessOutput(c1, 0.4, null, t);
  expect(await short).toBeNull();
  processSendString(children[1] as NetworkProcess, 'held');
  await settle(100);
  expect(recs[1]?.chunks).toEqual([]);
  expect(await long).toBeNull();
  await waitFor(() => recs[1]?.text() === 'held', "c2's data");
});

test('the wait ends when its process is deleted or its peer closes, and the others read again', async () => {
  const { procs, recs, children } = await clients(3);
  const [c1, c2] = procs as [NetworkProcess, NetworkProcess];
  const forever = acceptProcessOutput(c1, null, null, t);
  processSendString(children[2] as NetworkProcess, 'c3 data');
  await settle(50);
  deleteProcess(c1);
  expect(await forever).toBeNull();
  await waitFor(() => recs[2]?.text() === 'c3 data', "c3's data after c1's deletion");

  const untilClosed = acceptProcessOutput(c2, null, null, t);
  processSendString(children[2] as NetworkProcess, ' more');
  deleteProcess(children[1] as NetworkProcess);
  expect(await untilClosed).toBeNull();
  await waitFor(() => recs[2]?.text() === 'c3 data more', "c3's data after c2's peer closed");
});

test('a stopped process stays stopped after the wait; a process made during the wait is held back too', async () => {
  const { procs, recs, children, port } = await clients(2);
  const [c1, c2] = procs as [NetworkProcess, NetworkProcess];
  stopProcess(c2);
  const peer = await raw.listen();
  const wait = acceptProcessOutput(c1, 0.3, null, t);
  processSendString(children[1] as NetworkProcess, 'to the stopped c2');
  // A client made (and connected) during the wait, and a new server, follow the rule.
  const rec = recorder();
  const late = await make(':name', 'late', ':host', '127.0.0.1', ':service', peer.port, ':filter', rec.filter); // prettier-ignore
  (await peer.nextConnection()).write('to the late client');
  const late2 = await server('late-srv');
  await raw.connect(late2.port);
  await raw.connect(port);
  expect(await wait).toBeNull();
  expect(rec.chunks).toEqual([]);
  expect(late2.children).toEqual([]);
  await waitFor(() => rec.text() === 'to the late client', "the late client's data after the wait");
  await waitFor(() => late2.children.length === 1, "the new server's accept after the wait");
  await settle(50);
  expect(processStatus(c2)).toBe(intern('stop'));
  expect(recs[1]?.chunks).toEqual([]);
  expect(processStatus(late)).toBe(intern('open'));
  continueProcess(c2);
  await waitFor(() => recs[1]?.text() === 'to the stopped c2', "c2's data once continued");
});

test('datagram processes (UDP and Unix) are held back and get their messages in order afterwards', async () => {
  const { procs } = await clients(1);
  const c1 = procs[0] as NetworkProcess;
  const got: string[] = [];
  const filter = (proc: NetworkProcess, text: string): void => {
    got.push(`${proc.name} ${text}`);
  };
  const datagram = intern('datagram');
  // prettier-ignore
  const udp = await make(':name', 'udp', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1', ':filter', filter);
  const udpClient = await make(':name', 'udp-c', ':type', datagram, ':host', '127.0.0.1', ':service', processContact(udp, ':service')); // prettier-ignore
  const path = join(directory, 'jto.sock');
  // prettier-ignore
  await make(':name', 'unix', ':type', datagram, ':family', intern('local'), ':service', path, ':server', t, ':filter', filter);
  const unixClient = await make(':name', 'unix-c', ':type', datagram, ':family', intern('local'), ':service', path); // prettier-ignore
  const wait = acceptProcessOutput(c1, 0.2, null, t);
  for (let i = 0; i < 5; i++) {
    processSendString(udpClient, `u${i}`);
    processSendString(unixClient, `x${i}`);
  }
  expect(await wait).toBeNull();
  expect(got).toEqual([]);
  await waitFor(() => got.length === 10, 'the held datagrams');
  expect(got.filter((line) => line.startsWith('udp '))).toEqual([
    'udp u0',
    'udp u1',
    'udp u2',
    'udp u3',
    'udp u4',
  ]);
  expect(got.filter((line) => line.startsWith('unix '))).toEqual(['unix x0', 'unix x1', 'unix x2', 'unix x3', 'unix x4']); // prettier-ignore
});

test('without a process, JUST-THIS-ONE is ignored (as in Emacs)', async () => {
  const { recs, children } = await clients(2);
  const wait = acceptProcessOutput(null, 0.3, null, t);
  processSendString(children[0] as NetworkProcess, 'one');
  processSendString(children[1] as NetworkProcess, 'two');
  expect(await wait).toBe(t);
  await waitFor(() => recs[0]?.text() === 'one' && recs[1]?.text() === 'two', 'both');
});

test('a reset while held back (or stopped) is reported after the data that came before it', async () => {
  const { procs } = await clients(1);
  const c1 = procs[0] as NetworkProcess;
  const peer = await raw.listen();
  const rec = recorder();
  const held = await make(':name', 'held', ':host', '127.0.0.1', ':service', peer.port, ':filter', rec.filter, ':sentinel', rec.sentinel); // prettier-ignore
  const conn = await peer.nextConnection();
  const wait = acceptProcessOutput(c1, 0.3, null, t);
  conn.write('before the reset');
  await settle(50);
  conn.resetAndDestroy();
  expect(await wait).toBeNull();
  expect(rec.chunks).toEqual([]);
  expect(rec.events).toEqual([]);
  await waitFor(() => rec.events.length > 0, 'the reset, after the wait');
  expect(rec.chunks).toEqual(['before the reset']);
  expect(rec.events).toEqual([['held', 'connection broken by remote peer\n']]);
  expect(processStatus(held)).toBe(intern('closed'));

  const rec2 = recorder();
  const stopped = await make(':name', 'stopped', ':host', '127.0.0.1', ':service', peer.port, ':filter', rec2.filter, ':sentinel', rec2.sentinel); // prettier-ignore
  const conn2 = await peer.nextConnection();
  stopProcess(stopped);
  conn2.write('before the reset');
  await settle(50);
  conn2.resetAndDestroy();
  await settle(100);
  expect(rec2.chunks).toEqual([]);
  expect(processStatus(stopped)).toBe(intern('stop'));
  continueProcess(stopped);
  await waitFor(() => rec2.events.length > 0, 'the reset, once continued');
  expect(rec2.chunks).toEqual(['before the reset']);
  expect(rec2.events).toEqual([['stopped', 'connection broken by remote peer\n']]);
});
