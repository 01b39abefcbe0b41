/**
 * Argument checks of make-network-process and the process functions where Emacs is lenient or
 * strict in ways that are easy to get wrong: :plist sequences, :coding strings, dead :buffer
 * buffers, filters and sentinels that are not functions, and which functions take designators.
 */
import { readdirSync } from 'node:fs';
import {
  LispValue,
  NetworkProcess,
  acceptProcessOutput,
  continueProcess,
  el,
  getProcess,
  processCodingSystem,
  processExitStatus,
  processSendEof,
  setNetworkProcessOption,
  setProcessDatagramAddress,
  setProcessQueryOnExitFlag,
  stopProcess,
  withCurrentBuffer,
  bufferList,
  deleteProcess,
  getBufferCreate,
  killBuffer,
  processBuffer,
  processFilter,
  processMark,
  processSentinel,
  setProcessFilter,
  setProcessSentinel,
  processSendString,
  processStatus,
  setProcessBuffer,
  getBuffer,
  processName,
  cons,
  intern,
  processContact,
  processGet,
  processList,
  processPlist,
  processPut,
  setProcessPlist,
  t,
  vector,
} from '../../../src';
import {
  Events,
  Scenario,
  bufferText,
  lispBool,
  settle,
  mk,
  thePeerChild,
  waitUntil,
  peerChild,
} from '../twin';

const plistSequences: Scenario = {
  name: 'plist-sequences',
  async twin(out) {
    const v = vector<LispValue>(intern('a'), 1, intern('b'), 2);
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':plist', v);
    out.p('vector plist', processPlist(srv));
    out.p('the same vector?', lispBool(processPlist(srv) === v));
    v[1] = 99;
    out.p('plist after changing the argument', processPlist(srv));
    out.p('contact :plist (the argument itself)', processContact(srv, ':plist'));
    await out.try('process-get a', () => processGet(srv, intern('a')));
    await out.try('process-get missing', () => processGet(srv, intern('zz')));
    await out.try('process-put', () => processPut(srv, intern('c'), 3));
    out.p('plist after process-put', processPlist(srv));
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'));
    await waitUntil(() => peerChild('srv', c));
    const child = thePeerChild('srv', c);
    out.p('child plist', processPlist(child));
    out.p("child's is the server's?", lispBool(processPlist(child) === processPlist(srv)));
    const s = await mk(':name', 's', ':server', t, ':service', t, ':plist', 'ab');
    out.p('string plist', processPlist(s));
    await out.try('process-get on a string', () => processGet(s, intern('a')));
    await out.try('process-put on a string', () => processPut(s, intern('a'), 1));
    const e = await mk(':name', 'e', ':server', t, ':service', t, ':plist', vector());
    out.p('empty vector plist', processPlist(e));
    await out.try('process-get on []', () => processGet(e, intern('a')));
    await out.try('process-put on []', () => processPut(e, intern('a'), 1));
    const es = await mk(':name', 'es', ':server', t, ':service', t, ':plist', '');
    out.p('empty string plist', processPlist(es));
    await out.try('process-put on ""', () => processPut(es, intern('a'), 1));
    // prettier-ignore
    const d = await mk(
      ':name', 'd', ':type', intern('datagram'), ':host', '127.0.0.1', ':service', 9,
      ':plist', vector(intern('k'), intern('v')),
    );
    out.p('datagram client plist', processPlist(d));
    await out.try('set-process-plist back to a list', () => setProcessPlist(srv, [intern('x'), 1]));
    await out.try('process-put then', () => processPut(srv, intern('y'), 2));
    await out.try('set-process-plist a vector', () => setProcessPlist(srv, vector(1, 2)));
    await out.try(':plist 5', () => mk(':name', 'x', ':server', t, ':service', t, ':plist', 5));
    await out.try(':plist dotted', () =>
      mk(':name', 'x', ':server', t, ':service', t, ':plist', cons(intern('a'), 1)),
    );
    await out.try(':plist symbol', () =>
      mk(':name', 'x', ':server', t, ':service', t, ':plist', intern('foo')),
    );
    out.p('process-list', processList());
  },
};

/** `(length (directory-files "/proc/self/fd"))`, with `.` and `..`. */
function fds(): number {
  return readdirSync('/proc/self/fd').length + 2;
}

/**
 * fds() once the sockets of earlier scenarios, which Node closes on later turns of its loop,
 * have mostly gone: the count is taken when it has not changed for 20 ms (at most 1 s). Some may
 * close later still, so the scenario checks that the count does not grow (`<=`).
 */
async function settledFds(): Promise<number> {
  let last = fds();
  for (let i = 0; i < 50; i++) {
    await settle(20);
    const now = fds();
    if (now === last) return now;
    last = now;
  }
  return last;
}

const codingErrors: Scenario = {
  name: 'coding-errors',
  async twin(out, ctx) {
    const events = new Events();
    const srv = await mk(
      ':name',
      'srv',
      ':server',
      t,
      ':service',
      t,
      ':sentinel',
      (pr: NetworkProcess, m: string) => events.push([processName(pr), m]),
    );
    const port = processContact(srv, ':service');
    const fds0 = await settledFds();
    const local = intern('local');
    // prettier-ignore
    {
      await out.try(':coding string (server)', () =>
        mk(':name', 'c', ':buffer', 'cb1', ':server', t, ':service', t, ':coding', 'utf-8'));
      out.p('buffer cb1', getBuffer('cb1'));
      await out.try(':coding string (datagram server)', () =>
        mk(':name', 'c', ':buffer', 'cb2', ':type', intern('datagram'), ':server', t, ':service', t, ':coding', 'utf-8'));
      out.p('buffer cb2', getBuffer('cb2'));
      await out.try(':coding string (datagram client)', () =>
        mk(':name', 'c', ':type', intern('datagram'), ':host', '127.0.0.1', ':service', 9, ':coding', 'utf-8'));
      await out.try(':coding string (local server)', () =>
        mk(':name', 'c', ':family', local, ':server', t, ':service', ctx.tmpPath('c.sock'), ':coding', 'utf-8'));
      await out.try("connecting to the local server's path", () =>
        mk(':name', 'c', ':family', local, ':service', ctx.tmpPath('c.sock')));
      await out.try(':coding string (seqpacket server)', () =>
        mk(':name', 'c', ':type', intern('seqpacket'), ':family', local, ':server', t,
          ':service', ctx.tmpPath('q.sock'), ':coding', 'utf-8'));
      await out.try(':coding (utf-8 . "latin-1")', () =>
        mk(':name', 'c', ':server', t, ':service', t, ':coding', cons(intern('utf-8'), 'latin-1')));
      await out.try(':coding ("utf-8" . latin-1)', () =>
        mk(':name', 'c', ':server', t, ':service', t, ':coding', cons('utf-8', intern('latin-1'))));
      await out.try(':coding ("a" . "b"): decoding first', () =>
        mk(':name', 'c', ':server', t, ':service', t, ':coding', cons('a', 'b')));
      await out.try(':coding 5', () => mk(':name', 'c', ':server', t, ':service', t, ':coding', 5));
      await out.try(':coding unknown symbol', () =>
        mk(':name', 'c', ':server', t, ':service', t, ':coding', intern('no-such-coding')));
      await out.try(':coding (utf-8 latin-1)', () =>
        mk(':name', 'c', ':server', t, ':service', t, ':coding', [intern('utf-8'), intern('latin-1')]));
      await out.try(':coding t', () => mk(':name', 'c', ':server', t, ':service', t, ':coding', t));
    }
    out.p('process-list after the server errors', processList());
    out.p('no descriptor left', lispBool(fds() <= fds0));
    // prettier-ignore
    {
      await out.try('refused, with a :coding string', () =>
        mk(':name', 'c', ':buffer', 'cb3', ':host', '127.0.0.1', ':service', 1, ':coding', 'utf-8'));
      out.p('buffer cb3', getBuffer('cb3'));
      await out.try('refused, with an unknown :coding', () =>
        mk(':name', 'c', ':host', '127.0.0.1', ':service', 1, ':coding', intern('no-such-coding')));
      await out.try('bad option before :coding', () =>
        mk(':name', 'c', ':server', t, ':service', t, ':coding', 'utf-8', ':priority', 'high'));
      await out.try('bind in use before :coding', () =>
        mk(':name', 'c', ':server', t, ':service', port, ':coding', 'utf-8'));
      await out.try(':plist error before :coding', () =>
        mk(':name', 'c', ':buffer', 'cb4', ':server', t, ':service', t, ':coding', 'utf-8', ':plist', 5));
      out.p('buffer cb4', getBuffer('cb4'));
      await out.try('lookup failure before the buffer', () =>
        mk(':name', 'c', ':buffer', 'cb5', ':host', 'no-such-host.invalid', ':service', 80, ':coding', 'utf-8'));
      out.p('buffer cb5', getBuffer('cb5'));
      await out.try('connected, then the :coding string', () =>
        mk(':name', 'c', ':buffer', 'cb6', ':host', '127.0.0.1', ':service', port, ':coding', 'utf-8'));
      out.p('buffer cb6', getBuffer('cb6'));
    }
    await waitUntil(() => events.length === 2);
    out.p('the server saw the connection come and go', events.list);
    out.p('process-list at the end', processList());
    out.p('no descriptor left at the end', lispBool(fds() <= fds0));
    const remote = vector(127, 0, 0, 1, port);
    // prettier-ignore
    {
      await out.try(':nowait :remote, bad option before :coding', () =>
        mk(':name', 'c', ':remote', remote, ':nowait', t, ':coding', 'utf-8', ':priority', 'high'));
      await out.try(':nowait :remote, :coding string', () =>
        mk(':name', 'c', ':buffer', 'cb7', ':remote', remote, ':nowait', t, ':coding', 'utf-8'));
    }
    out.p('buffer cb7', getBuffer('cb7'));
    out.p('process-list after :nowait', processList());
    out.p('no descriptor left after :nowait', lispBool(fds() <= fds0));
  },
};

/** Names of live buffers that start with `prefix`, or nil. */
function buffersNamed(prefix: string): string[] | null {
  const found = bufferList()
    .map((buffer) => buffer.name)
    .filter((name) => name.startsWith(prefix));
  return found.length === 0 ? null : found;
}

const deadBuffer: Scenario = {
  name: 'dead-buffer',
  async twin(out) {
    const dead = getBufferCreate('dead');
    killBuffer(dead);
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':buffer', dead);
    out.p('server buffer', processBuffer(srv));
    out.p('buffer-live-p', lispBool(processBuffer(srv)?.live === true));
    out.p('the buffer given', lispBool(processBuffer(srv) === dead));
    out.p('server mark', processMark(srv));
    out.p('server contact', processContact(srv, t));
    const port = processContact(srv, ':service');
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':buffer', dead);
    out.p('client buffer', processBuffer(c));
    out.p('client mark', processMark(c));
    out.p('client status', processStatus(c));
    await waitUntil(() => peerChild('srv', c));
    const ch = thePeerChild('srv', c);
    out.p("child's buffer (the server's is dead)", processBuffer(ch));
    out.p('buffers made for it', [buffersNamed('dead'), buffersNamed('srv')]);
    await out.try('process-status of the dead buffer', () => processStatus(dead));
    processSendString(ch, 'hello');
    out.p('output arrives', await acceptProcessOutput(c, 3));
    out.p('client status after output', processStatus(c));
    out.p('client mark after output', processMark(c));
    out.p('buffers after output', [buffersNamed('dead'), buffersNamed('c')]);
    deleteProcess(ch);
    await waitUntil(() => processStatus(c) === intern('closed'));
    out.p('client status after the peer closed', processStatus(c));
    out.p('client buffer then', processBuffer(c));
    out.p('buffers after the sentinel', [buffersNamed('dead'), buffersNamed('c')]);
    const live = getBufferCreate('live');
    await out.try('set-process-buffer to a live buffer', () => setProcessBuffer(c, live));
    out.p('mark in the live buffer', processMark(c));
    await out.try('set-process-buffer to the dead buffer', () => setProcessBuffer(c, dead));
    out.p('mark after set-process-buffer dead', processMark(c));
    out.p('contact :buffer', processContact(c, ':buffer'));
    await out.try('delete-process c', () => deleteProcess(c));
    await out.try('delete-process srv (default sentinel, dead buffer)', () => deleteProcess(srv));
    out.p('text of live', bufferText('live'));
    const dead2 = getBufferCreate('dead2');
    killBuffer(dead2);
    await out.try('datagram server with a dead buffer', async () => {
      // prettier-ignore
      const d = await mk(
        ':name', 'd', ':type', intern('datagram'), ':server', t, ':service', t, ':buffer', dead2,
      );
      return [processBuffer(d), processContact(d, ':buffer'), processMark(d)];
    });
    await out.try("the killed buffer's name makes a new buffer", async () => {
      const d = await mk(':name', 'd2', ':server', t, ':service', t, ':buffer', 'dead2');
      const buffer = processBuffer(d);
      return [buffer, lispBool(buffer?.live === true), lispBool(buffer === dead2)];
    });
    await out.try(':buffer 5', () => mk(':name', 'd3', ':server', t, ':service', t, ':buffer', 5));
    out.p('process-list', processList());
  },
};

const nonFunctionHandlers: Scenario = {
  name: 'non-function-handlers',
  async twin(out) {
    const ignore = intern('ignore');
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':filter', 5, ':sentinel', ignore);
    out.p('process-filter', processFilter(srv));
    out.p('contact', processContact(srv, t));
    const port = processContact(srv, ':service');
    // prettier-ignore
    const c = await mk(
      ':name', 'c', ':host', '127.0.0.1', ':service', port, ':filter', 5, ':sentinel', 's', ':buffer', 'cb',
    );
    out.p('client filter', processFilter(c));
    out.p('client sentinel', processSentinel(c));
    out.p('client contact', processContact(c, t));
    await waitUntil(() => peerChild('srv', c));
    const ch = thePeerChild('srv', c);
    out.p("child filter (the server's)", processFilter(ch));
    out.p('child buffer (the filter is not the default: none)', processBuffer(ch));
    out.p('child contact', processContact(ch, t));
    await out.try('set-process-filter 7', () => setProcessFilter(srv, 7));
    out.p('process-filter then', processFilter(srv));
    await out.try('set-process-sentinel "x"', () => setProcessSentinel(srv, 'x'));
    out.p('process-sentinel then', processSentinel(srv));
    out.p('contact then', processContact(srv, t));
    await out.try('set-process-filter t', () => setProcessFilter(srv, t));
    await out.try('set-process-filter nil', () => setProcessFilter(srv, null));
    out.p('contact at last', processContact(srv, t));
    // prettier-ignore
    const l = await mk(
      ':name', 'l', ':server', t, ':service', t, ':log', 5, ':filter', 'f', ':sentinel', vector(1),
    );
    out.p('log server contact', processContact(l, t));
    out.p('filter "f"', processFilter(l));
    out.p('sentinel [1]', processSentinel(l));
    out.p('process-list', processList());
    // Emacs exits without calling them; resetElproc's deletions would, and report the errors.
    for (const proc of [srv, c, l]) setProcessSentinel(proc, null);
  },
};

/** The one-argument functions the designator loop calls, by their Emacs names. */
const ONE_ARGUMENT = [
  'process-status',
  'process-exit-status',
  'process-coding-system',
  'process-type',
  'process-live-p',
  'process-buffer',
  'process-name',
  'process-command',
  'process-id',
  'process-mark',
  'process-filter',
  'process-sentinel',
  'process-plist',
  'process-contact',
  'process-query-on-exit-flag',
  'process-datagram-address',
] as const;

const designatorChecks: Scenario = {
  name: 'designator-checks',
  async twin(out) {
    const ignore = intern('ignore');
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':sentinel', ignore);
    const port = processContact(srv, ':service');
    const c = await mk(
      ':name',
      'c',
      ':host',
      '127.0.0.1',
      ':service',
      port,
      ':sentinel',
      ignore,
      ':buffer',
      'cb',
    );
    await waitUntil(() => peerChild('srv', c));
    const cb = getBuffer('cb');
    const inCb = (fn: () => unknown) => () => withCurrentBuffer('cb', fn);
    await out.try('set-process-buffer c 5', () => setProcessBuffer(c, 5));
    await out.try("set-process-buffer c 'foo", () => setProcessBuffer(c, intern('foo')));
    await out.try('set-process-buffer c "cb" (a name)', () => setProcessBuffer(c, 'cb'));
    await out.try('set-process-buffer c "nonexistent"', () => setProcessBuffer(c, 'nonexistent'));
    await out.try('set-process-buffer "c" nil', () => setProcessBuffer('c', null));
    await out.try('set-process-buffer c cb', () => setProcessBuffer(c, cb));
    for (const name of ONE_ARGUMENT) {
      const f = el[name] as (process: unknown) => unknown;
      await out.try(`${name} by name`, () => f('c'));
      await out.try(`${name} by buffer`, () => f(cb));
      await out.try(`${name} by buffer name`, () => f('cb'));
      await out.try(
        `${name} nil in cb`,
        inCb(() => f(null)),
      );
      await out.try(`${name} 5`, () => f(5));
    }
    await out.try('process-exit-status of the object', () => processExitStatus(c));
    await out.try('process-coding-system of the object', () => processCodingSystem(c));
    await out.try('set-process-filter by name', () => setProcessFilter('c', null));
    await out.try('set-process-sentinel by name', () => setProcessSentinel('c', null));
    await out.try('set-process-plist by name', () => setProcessPlist('c', null));
    await out.try('process-get by name', () => processGet('c', intern('a')));
    await out.try('process-put by name', () => processPut('c', intern('a'), 1));
    await out.try('set-process-query-on-exit-flag by name', () => setProcessQueryOnExitFlag('c', t));
    await out.try('set-network-process-option by name', () => setNetworkProcessOption('c', ':keepalive', t));
    await out.try('accept-process-output by name', () => acceptProcessOutput('c', 0));
    await out.try('set-process-datagram-address by name', () =>
      setProcessDatagramAddress('c', vector(127, 0, 0, 1, 1)),
    );
    await out.try('process-send-string by name', () => processSendString('c', 'x'));
    await out.try('process-send-string by buffer', () => processSendString(cb, 'y'));
    await out.try('stop by name', () => stopProcess('c'));
    await out.try('stop by buffer', () => stopProcess(cb));
    await out.try('stop by buffer name', () => stopProcess('cb'));
    await out.try(
      'stop nil in cb',
      inCb(() => stopProcess(null)),
    );
    await out.try(
      'stop with no argument in cb',
      inCb(() => stopProcess()),
    );
    await out.try('stop 5', () => stopProcess(5));
    await out.try('stop unknown name', () => stopProcess('nonexist'));
    await out.try('stop nil in a buffer without a process', () =>
      withCurrentBuffer(getBufferCreate('other'), () => stopProcess(null)),
    );
    out.p('status after the refusals', processStatus(c));
    await out.try('stop the object', () => stopProcess(c));
    out.p('status', processStatus(c));
    await out.try('continue by name', () => continueProcess('c'));
    await out.try('continue by buffer', () => continueProcess(cb));
    await out.try('continue by buffer name', () => continueProcess('cb'));
    await out.try(
      'continue nil in cb',
      inCb(() => continueProcess(null)),
    );
    await out.try('continue 5', () => continueProcess(5));
    await out.try('continue unknown name', () => continueProcess('nonexist'));
    out.p('status still', processStatus(c));
    await out.try('continue the object', () => continueProcess(c));
    out.p('status then', processStatus(c));
    await out.try('stop server by name', () => stopProcess('srv'));
    setProcessBuffer(srv, getBufferCreate('sb'));
    await out.try('stop server by buffer', () => stopProcess(getBuffer('sb')));
    await out.try('stop server by buffer name', () => stopProcess('sb'));
    await out.try('stop server, the object', () => stopProcess(srv));
    out.p('server status', processStatus(srv));
    await out.try('continue server by name', () => continueProcess('srv'));
    await out.try('continue server, the object', () => continueProcess(srv));
    out.p('server status then', processStatus(srv));
    // prettier-ignore
    const c2 = await mk(
      ':name', 'c2', ':host', '127.0.0.1', ':service', port, ':sentinel', ignore, ':buffer', 'c2b',
    );
    await waitUntil(() => peerChild('srv', c2));
    const c2b = getBuffer('c2b');
    await out.try('send-eof by name', () => processSendEof('c2'));
    await out.try('send-eof by buffer', () => processSendEof(c2b));
    await out.try('send-eof by buffer name', () => processSendEof('c2b'));
    await out.try('send-eof nil in c2b', () => withCurrentBuffer('c2b', () => processSendEof(null)));
    await out.try('send-eof 5', () => processSendEof(5));
    await out.try('send-eof the object', () => processSendEof(c2));
    await out.try('get-process by buffer', () => getProcess(cb));
    await out.try('get-process by buffer name', () => getProcess('cb'));
    await out.try('delete-process by name', () => deleteProcess('c'));
    await out.try('delete-process by buffer, process gone', () => deleteProcess(cb));
    out.p('process-list', processList());
  },
};

export const argumentCheckScenarios: readonly Scenario[] = [
  plistSequences,
  codingErrors,
  deadBuffer,
  nonFunctionHandlers,
  designatorChecks,
];
