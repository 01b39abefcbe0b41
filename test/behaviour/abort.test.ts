/**
 * `:signal` and `:timeout` on real loopback sockets. A connect that gets no answer is made by
 * filling the listen queue of a stopped elproc server (`:server 1`): Linux then drops the SYNs.
 */
import net from 'node:net';
import {
  LispError,
  NetworkProcess,
  featurep,
  intern,
  makeNetworkProcess,
  prin1ToString,
  processContact,
  processList,
  processStatus,
  stopProcess,
  t,
} from '../../src';
import { deleteAllProcesses, lispErrorOf, make, printedError } from '../support/behaviour-helpers';
import { openDescriptorCount } from '../support/sockets';
import { waitFor } from '../support/wait';

const raw: net.Socket[] = [];
afterEach(() => {
  deleteAllProcesses();
  for (const socket of raw.splice(0)) socket.destroy();
});

/** A port whose connects get no answer: a stopped server with a full listen queue. */
async function unansweredPort(): Promise<number> {
  const server = await make(':name', 'full', ':server', 1, ':service', t, ':host', '127.0.0.1');
  stopProcess(server);
  const port = processContact(server, ':service') as number;
  // The queue holds backlog + 1 connections; the ones after them get no SYN-ACK.
  for (let i = 0; i < 3; i++) {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    raw.push(socket);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  return port;
}

test(':signal and :timeout are listed by featurep as extensions', () => {
  expect(featurep(intern('make-network-process'), intern(':signal'))).toBe(t);
  expect(featurep(intern('make-network-process'), intern(':timeout'))).toBe(t);
});

test('an aborted signal is quit at once, named as Node names an abort, and makes nothing', async () => {
  const controller = new AbortController();
  controller.abort();
  const fds = openDescriptorCount();
  const err = await lispErrorOf(() =>
    makeNetworkProcess(':name', 's', ':server', t, ':service', t, ':signal', controller.signal),
  );
  expect(err).toMatchObject({ symbol: 'quit', name: 'AbortError', code: 'ABORT_ERR', conditions: ['quit'] });
  expect(printedError(err)).toBe('(quit)');
  expect(processList()).toEqual([]);
  expect(openDescriptorCount()).toBe(fds);
});

test('an abort while a blocking client connects rejects with quit at once and leaves nothing', async () => {
  const port = await unansweredPort();
  const fds = openDescriptorCount();
  const controller = new AbortController();
  const made = makeNetworkProcess(
    ':name',
    'c',
    ':host',
    '127.0.0.1',
    ':service',
    port,
    ':signal',
    controller.signal,
  );
  setTimeout(() => controller.abort(), 200);
  const started = Date.now();
  const err = await lispErrorOf(() => made);
  expect(Date.now() - started).toBeLessThan(1500);
  expect(err).toMatchObject({ symbol: 'quit', name: 'AbortError' });
  expect(processList().map((proc) => (proc as NetworkProcess).name)).toEqual(['full']);
  await waitFor(() => openDescriptorCount() <= fds, 'the socket closed');
});

test(':timeout on a blocking client: the file-error of a connect that timed out, with Node fields', async () => {
  const port = await unansweredPort();
  const started = Date.now();
  const err: LispError = await lispErrorOf(() =>
    makeNetworkProcess(':name', 'c', ':host', '127.0.0.1', ':service', port, ':timeout', 0.3),
  );
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(250);
  expect(elapsed).toBeLessThan(2000);
  expect(err.data.slice(0, 2)).toEqual(['make client process failed', 'Connection timed out']);
  expect(err).toMatchObject({
    symbol: 'file-error',
    code: 'ETIMEDOUT',
    errno: -110,
    address: '127.0.0.1',
    port,
  });
});

test(':timeout on a :nowait client: the sentinel reports the failure', async () => {
  const port = await unansweredPort();
  const events: string[] = [];
  // prettier-ignore
  const client = await make(':name', 'c', ':host', '127.0.0.1', ':service', port, ':nowait', t, ':timeout', 0.3,
    ':sentinel', (_proc: NetworkProcess, event: string) => events.push(event));
  await waitFor(() => events.length > 0, 'the sentinel');
  expect(events).toEqual(['failed with code 110\n']);
  expect(processStatus(client)).toBe(intern('failed'));
});

test('aborting after the process is made deletes it; its contact still prints', async () => {
  const controller = new AbortController();
  const events: string[] = [];
  // prettier-ignore
  const server = await make(':name', 's', ':server', t, ':service', t, ':host', '127.0.0.1',
    ':signal', controller.signal, ':sentinel', (_proc: NetworkProcess, event: string) => events.push(event));
  expect(prin1ToString(processContact(server, ':signal'))).toMatch(/^#</);
  controller.abort();
  expect(events).toEqual(['deleted\n']);
  expect(processStatus(server)).toBe(intern('closed'));
});

test('bad :signal and :timeout values are wrong-type-arguments', async () => {
  expect(
    printedError(await lispErrorOf(() => makeNetworkProcess(':name', 's', ':server', t, ':signal', 5))),
  ).toBe('(wrong-type-argument abort-signal-p 5)');
  expect(
    printedError(await lispErrorOf(() => makeNetworkProcess(':name', 's', ':server', t, ':timeout', -1))),
  ).toBe('(wrong-type-argument natnump -1)');
});
