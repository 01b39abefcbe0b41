/**
 * `:nodelay` shown by latency: without it, Nagle's algorithm holds a second small segment until
 * the peer's delayed ACK of the first (about 40 ms); with it, the segment follows at once. The
 * bounds are milliseconds on a shared machine, so a run can miss them under load: retried.
 */
import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';
import { processSendString, t } from '../../src';
import { deleteAllProcesses, make } from '../support/behaviour-helpers';
import { inspectSocket } from '../support/inspect-socket';
import { waitFor } from '../support/wait';

jest.retryTimes(2, { logErrorsBeforeRetry: true });

const DELAYED_ACK_PEER = join(__dirname, '..', 'behaviour', 'fixtures', 'delayed-ack-peer.py');

const children: ChildProcess[] = [];
afterEach(() => {
  deleteAllProcesses();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
});

describe(':nodelay: no Nagle wait for the ACK of a previous small segment', () => {
  /** Sends "1" and "2" to a delayed-ACK peer; returns when (ms after "1") the peer read "2". */
  async function secondByteDelay(options: unknown[]): Promise<number> {
    const child = spawn('python3', [DELAYED_ACK_PEER, '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    const lines: string[] = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => lines.push(...text.split('\n').filter((l) => l !== '')));
    const port = Number(await waitFor(() => lines[0], 'the peer to print its port'));
    const proc = await make(':name', 'nagle', ':host', '127.0.0.1', ':service', port, ...options);
    await waitFor(() => lines[1] === 'ready', 'the peer to accept');
    const nodelay = (await inspectSocket(proc.fd)).options.TCP_NODELAY;
    expect(nodelay).toBe(options.includes(t) ? 1 : 0);
    processSendString(proc, '1');
    processSendString(proc, '2');
    const reads = JSON.parse(await waitFor(() => lines[2], 'the peer to read both bytes')) as [
      number,
      string,
    ][];
    const second = reads.find(([, text]) => text.includes('2'));
    if (second === undefined) throw new Error(`the peer never read "2": ${JSON.stringify(reads)}`);
    return second[0];
  }

  test(':nodelay t: the second byte follows the first at once', async () => {
    const ms = await secondByteDelay([':nodelay', t]);
    console.log(`:nodelay t: "2" read ${ms} ms after "1"`);
    expect(ms).toBeLessThan(20);
  });

  test.each([
    ['no :nodelay', []],
    [':nodelay nil', [':nodelay', null]],
  ])('%s: the second byte waits for the delayed ACK of the first (about 40 ms)', async (_name, options) => {
    const ms = await secondByteDelay(options as unknown[]);
    console.log(`${_name}: "2" read ${ms} ms after "1"`);
    expect(ms).toBeGreaterThanOrEqual(30);
  });
});
