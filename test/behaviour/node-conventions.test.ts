/**
 * Node's conventions where Emacs has none: util.inspect shows a process as Lisp prints it, with
 * its status and addresses; `using` deletes a process; errors carry Node's negative errno and
 * the peer of a failed connection; NODE_DEBUG=elproc traces system calls and status changes.
 */
import path from 'node:path';
import { inspect } from 'node:util';
import { LispError, NetworkProcess, intern, processContact, processList, processStatus, t } from '../../src';
import { deleteAllProcesses, lispErrorOf, make } from '../support/behaviour-helpers';
import { runProgram } from '../support/spawn-program';

afterEach(deleteAllProcesses);

test('util.inspect shows #<process NAME> with its status, type and addresses, not its internals', async () => {
  const server = await make(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1');
  const port = processContact(server, ':service') as number;
  expect(inspect(server)).toBe(`#<process srv> { status: listen, type: stream, local: [127 0 0 1 ${port}] }`);
  expect(inspect({ server }, { breakLength: Infinity })).toBe(
    `{ server: #<process srv> { status: listen, type: stream, local: [127 0 0 1 ${port}] } }`,
  );
  const client = await make(':name', 'cli', ':host', '127.0.0.1', ':service', port);
  expect(inspect(client)).toMatch(
    new RegExp(
      `^#<process cli> \\{ status: open, type: stream, local: \\[127 0 0 1 \\d+\\], remote: \\[127 0 0 1 ${port}\\] \\}$`,
    ),
  );
});

test('`using` deletes the process when the block ends; `await using` too', async () => {
  let seen: NetworkProcess;
  {
    using server = await make(':name', 'scoped', ':server', t, ':service', t, ':host', '127.0.0.1');
    seen = server;
    expect(processList()).toContain(server);
  }
  expect(processStatus(seen)).toBe(intern('closed'));
  expect(processList()).not.toContain(seen);
  {
    await using server = await make(':name', 'scoped2', ':server', t, ':service', t, ':host', '127.0.0.1');
    seen = server;
  }
  expect(processList()).not.toContain(seen);
});

test("a refused connection's error carries Node's negative errno, its code and the peer", async () => {
  const server = await make(':name', 'gone', ':server', t, ':service', t, ':host', '127.0.0.1');
  const port = processContact(server, ':service') as number;
  deleteAllProcesses();
  const err: LispError = await lispErrorOf(() => make(':name', 'c', ':host', '127.0.0.1', ':service', port));
  expect(err).toMatchObject({
    symbol: 'file-error',
    code: 'ECONNREFUSED',
    errno: -111,
    address: '127.0.0.1',
    port,
  });
});

test('NODE_DEBUG=elproc traces system calls and status changes on stderr', async () => {
  const run = await runProgram(path.join(__dirname, 'fixtures', 'debug-program.ts'), {
    env: { NODE_DEBUG: 'elproc' },
    limitMs: 10_000,
  });
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/^ELPROC \d+: socket\(2, \d+, 0\) = \d+$/m);
  expect(run.stderr).toMatch(/^ELPROC \d+: setsockoptInt\(\d+, 1, 2, 1\) = /m);
  expect(run.stderr).toMatch(/^ELPROC \d+: process cli: run -> exit 0$/m);
  expect(run.stderr).toMatch(/^ELPROC \d+: process srv: listen -> exit 0$/m);
}, 30_000);
