/**
 * `:oobinline`: an urgent byte sent with MSG_OOB by an independent peer (test/support/oob-peer.py)
 * shows up in the filter's text only when SO_OOBINLINE is on for the receiving socket.
 */
import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';
import { NetworkProcess, processContact, processSendString, setNetworkProcessOption, t } from '../../src';
import { deleteAllProcesses, make } from '../support/behaviour-helpers';
import { inspectSocket } from '../support/inspect-socket';
import { waitFor } from '../support/wait';

const OOB_PEER = join(__dirname, '..', 'support', 'oob-peer.py');
const BROKEN = 'connection broken by remote peer\n';

interface PythonPeer {
  readonly child: ChildProcess;
  /** Lines the peer printed so far. */
  readonly lines: string[];
  readonly exited: Promise<number | null>;
}

function startPeer(args: string[]): PythonPeer {
  const child = spawn('python3', [OOB_PEER, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let partial = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (text: string) => {
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

const peers: PythonPeer[] = [];
afterEach(() => {
  deleteAllProcesses();
  for (const peer of peers.splice(0)) if (peer.child.exitCode === null) peer.child.kill();
});

/** Filter and sentinel that record what an elproc process receives. */
function recorder(): { text: () => string; events: string[]; filter: unknown; sentinel: unknown } {
  const chunks: string[] = [];
  const events: string[] = [];
  return {
    text: () => chunks.join(''),
    events,
    filter: (_p: NetworkProcess, text: string) => chunks.push(text),
    sentinel: (_p: NetworkProcess, event: string) => events.push(event),
  };
}

/** Signals the peer to send, then waits for its data and its close. */
async function receiveFromPeer(proc: NetworkProcess, peer: PythonPeer, rec: ReturnType<typeof recorder>) {
  processSendString(proc, 'g');
  await waitFor(() => rec.events.includes(BROKEN), 'the peer to send its data and close', 10_000);
  expect(await peer.exited).toBe(0);
  expect(peer.lines).toContain('done');
  return rec.text();
}

/** An elproc client of a Python peer that listens. */
async function clientOfPeer(...options: unknown[]) {
  const peer = startPeer(['listen']);
  peers.push(peer);
  const port = Number(await waitFor(() => peer.lines[0], 'the Python peer to print its port'));
  const rec = recorder();
  const proc = await make(
    ':name', 'oob-client',
    ':host', '127.0.0.1',
    ':service', port,
    ':filter', rec.filter,
    ':sentinel', rec.sentinel,
    ...options,
  ); // prettier-ignore
  return { proc, peer, rec };
}

/** An accepted elproc child of a Python peer that connects. */
async function childOfPeer(...serverOptions: unknown[]) {
  const rec = recorder();
  const children: NetworkProcess[] = [];
  const srv = await make(
    ':name', 'oob-server',
    ':server', t,
    ':host', '127.0.0.1',
    ':service', t,
    ':filter', rec.filter,
    ':sentinel', rec.sentinel,
    ':log', (_s: NetworkProcess, child: NetworkProcess | null) => child !== null && children.push(child),
    ...serverOptions,
  ); // prettier-ignore
  const peer = startPeer(['connect', String(processContact(srv, ':service'))]);
  peers.push(peer);
  const child = await waitFor(() => children[0], 'the server to accept the Python peer');
  return { proc: child, peer, rec };
}

describe('urgent data on an elproc client', () => {
  test(':oobinline t: the urgent byte is part of the text', async () => {
    const { proc, peer, rec } = await clientOfPeer(':oobinline', t);
    expect((await inspectSocket(proc.fd)).options.SO_OOBINLINE).toBe(1);
    expect(await receiveFromPeer(proc, peer, rec)).toBe('before!after');
  });

  test('without :oobinline the urgent byte is not in the text', async () => {
    const { proc, peer, rec } = await clientOfPeer();
    expect((await inspectSocket(proc.fd)).options.SO_OOBINLINE).toBe(0);
    expect(await receiveFromPeer(proc, peer, rec)).toBe('beforeafter');
  });

  test(':oobinline nil: the urgent byte is not in the text', async () => {
    const { proc, peer, rec } = await clientOfPeer(':oobinline', null);
    expect(await receiveFromPeer(proc, peer, rec)).toBe('beforeafter');
  });
});

describe('urgent data on an accepted child', () => {
  test('set on the child with setNetworkProcessOption: the urgent byte is part of the text', async () => {
    const { proc, peer, rec } = await childOfPeer();
    expect(setNetworkProcessOption(proc, ':oobinline', t)).toBe(t);
    expect(await receiveFromPeer(proc, peer, rec)).toBe('before!after');
  });

  test('set only on the server: not inherited (decision 1), so the urgent byte is not in the text', async () => {
    const { proc, peer, rec } = await childOfPeer(':oobinline', t);
    expect((await inspectSocket(proc.fd)).options.SO_OOBINLINE).toBe(0);
    expect(await receiveFromPeer(proc, peer, rec)).toBe('beforeafter');
  });
});
