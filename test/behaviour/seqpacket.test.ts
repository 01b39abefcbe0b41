/**
 * Seqpacket processes on real Unix SOCK_SEQPACKET sockets, with a Python peer as the independent
 * side: message boundaries kept both ways, children, peer close, send-eof, `:linger` delivering
 * what the socket could not take yet, and an accept loop that logs EMFILE without spinning.
 */
import { ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import {
  NetworkProcess,
  deleteProcess,
  intern,
  processContact,
  processList,
  processSendEof,
  processSendString,
  processStatus,
  stopProcess,
  continueProcess,
  t,
} from '../../src';
import { deleteAllProcesses, lispErrorOf, make, printedError } from '../support/behaviour-helpers';
import { logUntil, nextLine, startEmfileServer } from '../support/emfile-fixture';
import { settle, waitFor } from '../support/wait';

const seqpacket = intern('seqpacket');
const local = intern('local');
let directory: string;
let counter = 0;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'elproc-seqpacket-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));
afterEach(deleteAllProcesses);

function socketPath(): string {
  return join(directory, `sp${++counter}.sock`);
}

/**
 * A Python seqpacket client: connects to PATH, sends each line of stdin as one message, and
 * prints every message it receives as a JSON line; prints "eof" when the server ends.
 */
const PYTHON_PEER = `
import json, socket, sys, threading
s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
s.connect(sys.argv[1])
print("connected", flush=True)
def reader():
    while True:
        m = s.recv(1 << 20)
        if not m:
            print("eof", flush=True)
            return
        print(json.dumps(m.decode()), flush=True)
threading.Thread(target=reader, daemon=True).start()
for line in sys.stdin:
    line = line.rstrip("\\n")
    if line == "close":
        break
    s.send(json.loads(line).encode())
s.close()
`;

interface PythonPeer {
  lines: string[];
  send(message: string): void;
  close(): void;
}

async function pythonPeer(path: string): Promise<PythonPeer> {
  const child: ChildProcessByStdio<Writable, Readable, null> = spawn('python3', ['-c', PYTHON_PEER, path], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  peers.push(child);
  await waitFor(() => lines.includes('connected'), 'the Python peer to connect');
  lines.splice(0);
  return {
    lines,
    send: (message) => child.stdin.write(`${JSON.stringify(message)}\n`),
    close: () => child.stdin.write('close\n'),
  };
}

const peers: ChildProcessByStdio<Writable, Readable, null>[] = [];
afterEach(() => {
  for (const child of peers.splice(0)) child.kill();
});

async function seqpacketServer(
  path: string,
  filter: (proc: NetworkProcess, text: string) => void,
  events: string[] = [],
): Promise<NetworkProcess> {
  // prettier-ignore
  return make(':name', 'sp', ':type', seqpacket, ':family', local, ':service', path, ':server', t,
              ':filter', filter, ':sentinel', (proc: NetworkProcess, message: string) => events.push(`${proc.name}: ${message}`));
}

test('a server keeps message boundaries both ways, each message one filter call', async () => {
  const path = socketPath();
  const got: string[] = [];
  const server = await seqpacketServer(path, (proc, text) => {
    got.push(text);
    processSendString(proc, `echo:${text.length}`);
  });
  expect(processStatus(server)).toBe(intern('listen'));
  const peer = await pythonPeer(path);
  const big = 'b'.repeat(10_000);
  for (const message of ['one', 'two', big, 'three']) peer.send(message);
  await waitFor(() => got.length === 4, 'four messages');
  expect(got).toEqual(['one', 'two', big, 'three']);
  await waitFor(() => peer.lines.length === 4, 'four answers');
  expect(peer.lines).toEqual(['"echo:3"', '"echo:3"', '"echo:10000"', '"echo:5"']);
});

test('children are processes of their own, and a peer that leaves closes its child', async () => {
  const path = socketPath();
  const events: string[] = [];
  await seqpacketServer(path, () => undefined, events);
  const peer = await pythonPeer(path);
  const child = await waitFor(() => processList().find((proc) => proc.name.startsWith('sp <')), 'the child');
  expect(processStatus(child)).toBe(intern('open'));
  expect(processContact(child, ':host')).toBe(t);
  expect(processContact(child, ':remote')).toBe('');
  expect(processContact(child, ':local')).toBe(path);
  peer.close();
  await waitFor(() => processStatus(child) === intern('closed'), 'the child to close');
  // The status changes at once; the sentinel runs from the next status notification, as in Emacs.
  await waitFor(() => events.length === 2, "the child's sentinel");
  expect(events).toEqual([
    `${child.name}: open from -\n`,
    `${child.name}: connection broken by remote peer\n`,
  ]);
});

test('an elproc client and server talk; process-send-eof ends the client output', async () => {
  const path = socketPath();
  const got: string[] = [];
  const events: string[] = [];
  await seqpacketServer(path, (_, text) => got.push(text), events);
  // prettier-ignore
  const client = await make(':name', 'spc', ':type', seqpacket, ':family', local, ':service', path,
                            ':filter', () => undefined);
  expect(processStatus(client)).toBe(intern('open'));
  expect(processContact(client, ':remote')).toBe(path);
  processSendString(client, 'first');
  processSendString(client, 'second');
  processSendEof(client);
  // After send-eof Emacs discards further output.
  processSendString(client, 'discarded');
  // The child may see the end before this test looks for it: its sentinel tells.
  await waitFor(
    () => events.some((event) => event.endsWith('connection broken by remote peer\n')),
    'the end',
  );
  expect(got).toEqual(['first', 'second']);
  // The child closed its socket on the end, so the client reads the end in turn.
  await waitFor(() => processStatus(client) === intern('closed'), 'the client to close');
});

test('stop-process holds messages in the kernel; continue-process delivers them in order', async () => {
  const path = socketPath();
  const got: string[] = [];
  await seqpacketServer(path, (_, text) => got.push(text));
  const peer = await pythonPeer(path);
  const child = await waitFor(() => processList().find((proc) => proc.name.startsWith('sp <')), 'the child');
  stopProcess(child);
  for (const message of ['a', 'b', 'c']) peer.send(message);
  await settle(150);
  expect(got).toEqual([]);
  continueProcess(child);
  await waitFor(() => got.length === 3, 'the held messages');
  expect(got).toEqual(['a', 'b', 'c']);
});

test(':linger t delivers messages the socket could not take yet before closing', async () => {
  const path = socketPath();
  const got: string[] = [];
  const server = await seqpacketServer(path, (_, text) => got.push(text));
  // prettier-ignore
  const client = await make(':name', 'ling', ':type', seqpacket, ':family', local, ':service', path,
                            ':linger', t);
  const child = await waitFor(() => processList().find((proc) => proc.name.startsWith('sp <')), 'the child');
  // The receiving child reads nothing, so the client's send buffer fills (800 KB against about
  // 200 KB) and the rest waits in elproc.
  stopProcess(child);
  const count = 200;
  const message = (i: number): string => `m${i}:${'x'.repeat(4000)}`;
  for (let i = 0; i < count; i++) processSendString(client, message(i));
  deleteProcess(client);
  expect(processStatus(client)).toBe(intern('closed'));
  continueProcess(child);
  await waitFor(() => got.length === count, `all ${count} messages`, 10_000);
  expect(got).toEqual(Array.from({ length: count }, (_, i) => message(i)));
  expect(processStatus(server)).toBe(intern('listen'));
});

test('seqpacket needs :family local: an inet seqpacket server is refused by the kernel', async () => {
  const err = await lispErrorOf(() => make(':name', 'spi', ':type', seqpacket, ':server', t, ':service', t));
  expect(printedError(err)).toBe(
    '(file-error "make server process failed" "Socket type not supported" :name "spi" :type seqpacket :server t :service t)',
  );
});

test('out of descriptors, the accept loop logs EMFILE a bounded number of times, then recovers', async () => {
  const path = socketPath();
  const server = startEmfileServer(64, ['seqpacket', path]);
  peers.push(server);
  expect(await nextLine(server)).toBe('ready');
  await pythonPeer(path);
  // Emacs 28 would log this failure hundreds of thousands of times a second (E17).
  await settle(1000);
  server.stdin.write('free\n');
  expect(await nextLine(server)).toBe('freed');
  const messages = await logUntil(
    server,
    (m) => m.includes('accept from -\n'),
    'the waiting connection to be accepted',
  );
  const failures = messages.filter((message) => message === 'accept failed with code24\n');
  expect(failures.length).toBeGreaterThanOrEqual(3);
  expect(failures.length).toBeLessThanOrEqual(20);
  expect(messages[messages.length - 1]).toBe('accept from -\n');
}, 30_000);
