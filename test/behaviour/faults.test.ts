/**
 * Faults a server meets in production, on real loopback sockets: each ends with Emacs's sentinel
 * text or Lisp error, nothing is unhandled, the server goes on, and no descriptor is left behind.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  LispError,
  NetworkProcess,
  deleteProcess,
  intern,
  processContact,
  processList,
  processName,
  processSendString,
  processStatus,
  t,
} from '../../src';
import { deleteAllProcesses, lispErrorOf, make, printedError } from '../support/behaviour-helpers';
import { openDescriptorCount } from '../support/sockets';
import { settle, waitFor } from '../support/wait';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));
afterEach(() => {
  deleteAllProcesses();
  expect(unhandled).toEqual([]);
});

interface Recorded {
  server: NetworkProcess;
  port: number;
  /** Sentinel calls of the server's children: [name, event]. */
  events: [string, string][];
  /** The children, in accept order. */
  children: NetworkProcess[];
  /** Bytes each child's filter received. */
  received: Map<string, number>;
}

/** A server whose children record their sentinel calls and count what they read. */
async function recordingServer(filter?: (proc: NetworkProcess, text: string) => void): Promise<Recorded> {
  // A backlog of 128 (`:server 128`): 100 clients connect at once.
  const events: [string, string][] = [];
  const children: NetworkProcess[] = [];
  const received = new Map<string, number>();
  // prettier-ignore
  const server = await make(':name', 'srv', ':server', 128, ':service', t, ':host', '127.0.0.1',
    ':log', (_srv: NetworkProcess, child: NetworkProcess) => children.push(child),
    ':sentinel', (proc: NetworkProcess, event: string) => events.push([processName(proc), event]),
    ':filter', (proc: NetworkProcess, text: string) => {
      received.set(processName(proc), (received.get(processName(proc)) ?? 0) + text.length);
      filter?.(proc, text);
    });
  return { server, port: processContact(server, ':service') as number, events, children, received };
}

function connectRaw(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

const eventsOf = (rec: Recorded, child: NetworkProcess): string[] =>
  rec.events.filter(([name]) => name === processName(child)).map(([, event]) => event);

test('a peer that resets while the server is writing 8 MB: "connection broken by remote peer", the server goes on', async () => {
  const rec = await recordingServer();
  const fdsBefore = openDescriptorCount();
  const peer = await connectRaw(rec.port);
  await waitFor(() => rec.children.length === 1, 'the child');
  const child = rec.children[0] as NetworkProcess;
  let got = 0;
  const reset = new Promise<void>((resolve) =>
    peer.on('data', (chunk: Buffer) => {
      got += chunk.length;
      if (got > 100_000 && !peer.destroyed) {
        peer.resetAndDestroy();
        resolve();
      }
    }),
  );
  processSendString(child, 'x'.repeat(8 * 1024 * 1024));
  await reset;
  await waitFor(() => eventsOf(rec, child).length === 2, 'the reset to reach the sentinel');
  expect(eventsOf(rec, child)).toEqual(['open from 127.0.0.1\n', 'connection broken by remote peer\n']);
  expect(processStatus(child)).toBe(intern('closed'));
  expect(processList()).not.toContain(child);
  expect(processStatus(rec.server)).toBe(intern('listen'));
  await waitFor(() => openDescriptorCount() <= fdsBefore, 'the child descriptor to be closed');
});

test('a peer that stops reading while the server writes 50 MB: the event loop stays responsive', async () => {
  const rec = await recordingServer();
  const peer = await connectRaw(rec.port);
  peer.pause();
  await waitFor(() => rec.children.length === 1, 'the child');
  const child = rec.children[0] as NetworkProcess;
  processSendString(child, 'y'.repeat(50 * 1024 * 1024));
  // The write cannot finish: the peer reads nothing. Timers keep running meanwhile.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  await settle(500);
  delay.disable();
  const maxLagMs = delay.max / 1e6;
  console.log(
    `event-loop delay with 50 MB unsent: max ${maxLagMs.toFixed(1)} ms, mean ${(delay.mean / 1e6).toFixed(1)} ms`,
  );
  expect(maxLagMs).toBeLessThan(100);
  expect(processStatus(child)).toBe(intern('open'));
  peer.destroy();
});

test('a client killed with SIGKILL mid-transfer: its child reports the broken connection', async () => {
  const rec = await recordingServer();
  // A separate program, so that the kernel, not Node, closes its socket when it dies.
  const program = `const s = require('net').connect(${rec.port}, '127.0.0.1', () => {
    const chunk = Buffer.alloc(65536, 97);
    const pump = () => { while (s.write(chunk)); };
    s.on('drain', pump); pump(); process.stdout.write('sending\\n');
  });`;
  const client = spawn(process.execPath, ['-e', program], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => client.stdout.once('data', () => resolve()));
  await waitFor(
    () =>
      rec.children.length === 1 &&
      (rec.received.get(processName(rec.children[0] as NetworkProcess)) ?? 0) > 100_000,
    'data from the client',
  );
  client.kill('SIGKILL');
  const child = rec.children[0] as NetworkProcess;
  await waitFor(() => eventsOf(rec, child).length === 2, 'the sentinel');
  expect(eventsOf(rec, child)).toEqual(['open from 127.0.0.1\n', 'connection broken by remote peer\n']);
  expect(processList()).not.toContain(child);
});

test("sending to a process whose peer is gone: the sentinel reports it, later sends signal Emacs's error", async () => {
  const rec = await recordingServer();
  const events: string[] = [];
  // prettier-ignore
  const c = await make(':name', 'c', ':host', '127.0.0.1', ':service', rec.port,
                       ':sentinel', (_proc: NetworkProcess, event: string) => events.push(event));
  await waitFor(() => rec.children.length === 1, 'the child');
  deleteProcess(rec.children[0] as NetworkProcess);
  // The first send makes the peer's kernel answer with RST, which closes the process; Emacs 28 in
  // batch is instead killed by SIGPIPE on the next write (exit status 141). elproc goes on,
  // reports the close, and a send after it signals Emacs's error.
  let refused: unknown = null;
  for (let i = 0; i < 50 && refused === null; i++) {
    try {
      processSendString(c, 'after the peer left');
    } catch (err) {
      refused = err;
    }
    await settle(20);
  }
  expect(refused).not.toBeNull();
  expect(printedError(refused as LispError)).toBe('(error "Process c not running")');
  await waitFor(() => events.length === 1, 'the sentinel');
  expect(events).toEqual(['connection broken by remote peer\n']);
  expect(processStatus(c)).toBe(intern('closed'));
  expect(printedError(await lispErrorOf(() => processSendString(c, 'x')))).toBe(
    '(error "Process c not running")',
  );
});

test('a server deleted while 100 children are mid-transfer: the children keep running, then delete cleanly', async () => {
  const rec = await recordingServer((proc, text) => processSendString(proc, text));
  const fdsBefore = openDescriptorCount();
  const peers = await Promise.all(Array.from({ length: 100 }, () => connectRaw(rec.port)));
  const echoed = peers.map(() => 0);
  peers.forEach((peer, i) => {
    peer.on('data', (chunk: Buffer) => (echoed[i] = (echoed[i] ?? 0) + chunk.length));
    peer.write(Buffer.alloc(200_000, 98));
  });
  await waitFor(() => rec.children.length === 100, 'all 100 children');
  await waitFor(() => echoed.some((n) => n > 0), 'echoes to start');
  deleteProcess(rec.server);
  // Deleting a server leaves its children, as in Emacs: the transfers finish.
  await waitFor(() => echoed.every((n) => n === 200_000), 'every echo to finish', 20_000);
  expect(rec.children.every((child) => processStatus(child) === intern('open'))).toBe(true);
  for (const child of rec.children) deleteProcess(child);
  const childNames = new Set(rec.children.map((child) => processName(child)));
  expect(rec.events.filter(([name, event]) => childNames.has(name) && event === 'deleted\n')).toHaveLength(
    100,
  );
  for (const peer of peers) peer.destroy();
  await waitFor(() => openDescriptorCount() <= fdsBefore, 'every descriptor to be closed');
}, 30_000);

test('a filter that throws and an async filter that rejects: reported, and the process keeps reading', async () => {
  const warnings: string[] = [];
  const spy = jest.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    warnings.push(typeof warning === 'string' ? warning : warning.message);
  });
  try {
    const seen: string[] = [];
    const rec = await recordingServer((_proc, text) => {
      seen.push(text);
      if (text.startsWith('throw')) throw new Error('sync failure');
    });
    const peer = await connectRaw(rec.port);
    await waitFor(() => rec.children.length === 1, 'the child');
    const child = rec.children[0] as NetworkProcess;
    peer.write('throw');
    await waitFor(() => seen.length === 1, 'the first read');
    // Replace the filter by an async one that rejects.
    const asyncSeen: string[] = [];
    const { setProcessFilter } = await import('../../src');
    setProcessFilter(child, async (_proc: NetworkProcess, text: string) => {
      asyncSeen.push(text);
      await settle(1);
      throw new Error('async failure');
    });
    peer.write('reject');
    await waitFor(() => asyncSeen.length === 1, 'the second read');
    await settle(20);
    peer.write('again');
    await waitFor(() => asyncSeen.length === 2, 'the third read');
    await waitFor(() => warnings.length >= 3, 'the three reports');
    expect(warnings.filter((w) => w.startsWith('error in process filter:'))).toHaveLength(3);
    expect(processStatus(child)).toBe(intern('open'));
  } finally {
    spy.mockRestore();
  }
});
