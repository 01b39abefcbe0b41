/**
 * Nothing sent before delete-process is lost (the contract's decision 2, as Emacs's blocking
 * process-send-string guarantees): a child that answers a request and deletes itself inside its
 * filter, or a process deleted right after sending, delivers every byte to a peer that reads
 * slowly, then a clean EOF, while the process is already gone from process-list.
 */
import net from 'net';
import { deleteProcess, NetworkProcess, processContact, processList, processSendString, t } from '../../src';
import { collect, Collected, deleteAllProcesses, make } from '../support/behaviour-helpers';
import { expectCleanEof } from '../support/linger';

afterEach(deleteAllProcesses);

/** Byte i of a reply: a pattern in which a lost or repeated piece shows. */
function reply(size: number): string {
  let text = '';
  for (let i = 0; text.length < size; i++) text += `${i % 10000},`;
  return text.slice(0, size);
}

/** Reads `conn` slowly: 5 ms of reading every 40 ms, until it ends (bounded by the test). */
function readSlowly(conn: net.Socket): Collected {
  const got = collect(conn, { paused: true });
  const timer = setInterval(() => {
    conn.resume();
    setTimeout(() => conn.pause(), 5);
  }, 40);
  void got.done.then(() => clearInterval(timer));
  return got;
}

async function connect(port: number): Promise<net.Socket> {
  // Half-open, so that the test sees the EOF on a socket it still holds (CLOSE_WAIT).
  const conn = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  await new Promise((resolve) => conn.once('connect', resolve));
  return conn;
}

test.each([1000, 100_000, 2_000_000])(
  'a reply of %d bytes sent and deleted inside the filter all arrives, then EOF',
  async (size) => {
    const children: NetworkProcess[] = [];
    const srv = await make(
      ':name', 'reply-srv', ':server', t, ':service', t,
      ':filter', (proc: NetworkProcess) => {
        children.push(proc);
        processSendString(proc, reply(size));
        deleteProcess(proc);
      },
    ); // prettier-ignore
    const conn = await connect(processContact(srv, ':service') as number);
    conn.write('go');
    const got = readSlowly(conn);
    await expectCleanEof(conn, got);
    expect(got.length).toBe(size);
    expect(got.bytes().toString()).toBe(reply(size));
    expect(children.length).toBe(1);
    expect(processList()).not.toContain(children[0]);
    conn.destroy();
  },
  30_000,
);

test('20 MB sent outside a filter, then deleted at once, all arrive at a slow reader, then EOF', async () => {
  const size = 20 * 1024 * 1024;
  let child: NetworkProcess | null = null;
  const srv = await make(
    ':name', 'send-srv', ':server', t, ':service', t,
    ':log', (_s: NetworkProcess, c: NetworkProcess | null) => (child = c ?? child),
  ); // prettier-ignore
  const conn = await connect(processContact(srv, ':service') as number);
  const got = readSlowly(conn);
  const deadline = Date.now() + 5000;
  while (child === null && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  if (child === null) throw new Error('the server made no child');
  const payload = reply(size);
  processSendString(child, payload);
  deleteProcess(child);
  await expectCleanEof(conn, got);
  expect(got.length).toBe(size);
  expect(got.bytes().toString() === payload).toBe(true);
  conn.destroy();
}, 60_000);
