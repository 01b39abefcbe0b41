/**
 * The deliberate differences from Emacs 28 (api-contract.md), asserted exactly. Where Emacs can
 * show its side, its output is taken from the same kind of `emacs --batch` run as the side-by-side
 * scenarios, and elproc must equal it after the one documented change; the rest is elproc-only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LispError,
  NetworkProcess,
  defun,
  deleteProcess,
  intern,
  makeNetworkProcess,
  networkProcessOption,
  processBuffer,
  processContact,
  processExitStatus,
  processList,
  processLiveP,
  processName,
  processSendString,
  processStatus,
  setNetworkProcessOption,
  t,
} from '../../src';
import { emacsPath } from '../support/emacs-batch';
import {
  NO_EMACS,
  Transcript,
  checkEmacsRun,
  expectSameTranscript,
  normalise,
  resetElproc,
  runEmacsScenario,
} from './harness';
import { Events, bufferText, inProcessList, mk, peerChild, settle, thePeerChild, waitUntil } from './twin';

const haveEmacs = emacsPath() !== null;
if (!haveEmacs) console.warn(`differences from Emacs: ${NO_EMACS}; the comparisons with Emacs are skipped.`);
/** Tests that need Emacs's side: skipped, under a name that says why, when there is no Emacs. */
const withEmacs = haveEmacs
  ? test
  : (name: string, fn: () => Promise<void>) => test.skip(`${NO_EMACS}: ${name}`, fn);

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'elproc-diff-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => resetElproc());

/** Runs emacs/NAME.el and returns its normalised lines. */
async function emacsLines(name: string): Promise<string[]> {
  const dir = mkdtempSync(join(root, `${name}-`));
  const result = await runEmacsScenario(name, dir, 20000);
  checkEmacsRun(name, result);
  return normalise(result.lines, [dir]);
}

/** The value part of the line `LABEL => VALUE`. */
function valueOf(lines: readonly string[], label: string): string {
  const line = lines.find((l) => l.startsWith(`${label} => `));
  if (line === undefined) throw new Error(`no line "${label}" in:\n${lines.join('\n')}`);
  return line.slice(label.length + 4);
}

const SERVER_OPTIONS = [':keepalive', t, ':linger', 3, ':priority', 5, ':oobinline', t, ':dontroute', t];
const MORE_OPTIONS = [':bindtodevice', 'lo', ':broadcast', t, ':reuseaddr', t];
/** How the option pairs print inside Emacs's contact plists. */
const OPTION_TEXT =
  ' :keepalive t :linger 3 :priority 5 :oobinline t :dontroute t :bindtodevice "lo" :broadcast t :reuseaddr t';
const OPTION_KEYS = [
  ':keepalive',
  ':linger',
  ':priority',
  ':oobinline',
  ':dontroute',
  ':bindtodevice',
  ':broadcast',
  ':reuseaddr',
];

describe('decision 1: children do not inherit socket options', () => {
  withEmacs("the child contact is Emacs's minus the server's option keys", async () => {
    const emacs = await emacsLines('child-options');
    // Emacs 28 copies the server's option keys into the child's contact…
    expect(valueOf(emacs, 'child contact t')).toContain(OPTION_TEXT);

    const out = new Transcript();
    // prettier-ignore
    const srv = await mk(
      ':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1', ...SERVER_OPTIONS, ...MORE_OPTIONS,
      ':noquery', t,
    );
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'));
    await waitUntil(() => peerChild('srv', c));
    const ch = thePeerChild('srv', c);
    out.p('child contact t', processContact(ch, t));
    out.p('child contact nil', processContact(ch));
    out.p('snpo on child', setNetworkProcessOption(ch, ':keepalive', t));
    out.p('child contact t after snpo', processContact(ch, t));

    // …elproc's is the same plist without them; an option set later on the child is appended.
    const stripped = valueOf(emacs, 'child contact t').replace(OPTION_TEXT, '');
    const expected = [
      `child contact t => ${stripped}`,
      `child contact nil => ${valueOf(emacs, 'child contact nil')}`,
      `snpo on child => ${valueOf(emacs, 'snpo on child')}`,
      `child contact t after snpo => ${stripped.replace(/\)$/, ' :keepalive t)')}`,
    ];
    expectSameTranscript('child-options (decision 1)', expected, normalise(out.lines, []));
  });

  test("getsockopt on a child shows the defaults of a fresh socket, not the server's values", async () => {
    const srv = await mk(
      ':name',
      'srv',
      ':server',
      t,
      ':service',
      t,
      ':host',
      '127.0.0.1',
      ...SERVER_OPTIONS,
      ...MORE_OPTIONS,
    );
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'));
    await waitUntil(() => peerChild('srv', c));
    const ch = thePeerChild('srv', c);
    const read = (proc: NetworkProcess) => OPTION_KEYS.map((key) => [key, networkProcessOption(proc, key)]);
    // The client is a fresh, unconfigured TCP socket: the system defaults.
    expect(read(ch)).toEqual(read(c));
    expect(networkProcessOption(srv, ':keepalive')).toBe(t);
    expect(networkProcessOption(ch, ':keepalive')).toBeNull();
  });
});

describe('decision 5: IPv6 peers are named correctly', () => {
  withEmacs("names, :host and messages are Emacs's with the groups not byte-swapped", async () => {
    const emacs = await emacsLines('ipv6-names');
    // Emacs 28 byte-swaps each 16-bit group: ::1 shows as 0:0:0:0:0:0:0:100.
    expect(valueOf(emacs, 'child :host')).toBe('"0:0:0:0:0:0:0:100"');

    const out = new Transcript();
    const seq = new Events();
    // prettier-ignore
    const srv = await mk(
      ':name', 's6', ':server', t, ':service', t, ':host', '::1',
      ':log', (_s: NetworkProcess, c: NetworkProcess, m: string) => seq.push([intern('LOG'), processName(c), m]),
      ':sentinel', (pr: NetworkProcess, m: string) => seq.push([intern('SENTINEL'), processName(pr), m]),
    );
    const c = await mk(':name', 'c', ':host', '::1', ':service', processContact(srv, ':service'));
    await waitUntil(() => peerChild('s6', c));
    const ch = thePeerChild('s6', c);
    out.p('child name', processName(ch));
    out.p('child :host', processContact(ch, ':host'));
    out.p('child contact nil', processContact(ch));
    out.p('child buffer', processBuffer(ch));
    out.p('log and sentinel', seq.list);

    const corrected = emacs.map((line) => line.split('0:0:0:0:0:0:0:100').join('0:0:0:0:0:0:0:1'));
    expectSameTranscript('ipv6-names (decision 5)', corrected, normalise(out.lines, []));
  });
});

describe('decision 6: a :nowait name-lookup failure runs the sentinel', () => {
  withEmacs(
    'everything as in Emacs, except that the sentinel is called once with "failed with code …"',
    async () => {
      const emacs = await emacsLines('nowait-lookup-failure');
      // Emacs 28 never calls the sentinel.
      expect(valueOf(emacs, 'events')).toBe('nil');

      const out = new Transcript();
      const events = new Events();
      defun('rec-sent', (proc: NetworkProcess, msg: string) =>
        events.push([processName(proc), msg, processStatus(proc)]),
      );
      // prettier-ignore
      const d = await mk(
        ':name', 'd', ':buffer', 'dbuf', ':nowait', t, ':host', 'no-such-host.invalid', ':service', 80,
        ':sentinel', intern('rec-sent'),
      );
      out.p('d status immediately', processStatus(d));
      await waitUntil(() => processStatus(d) === intern('failed'), 5);
      await settle(500);
      out.p('d status', processStatus(d));
      out.p('d exit status', processExitStatus(d));
      out.p('d live', processLiveP(d));
      out.p('d in process-list', inProcessList(d));
      const calls = events.list;
      events.clear();
      await out.try('send to d', () => processSendString(d, 'x'));
      out.p('d contact t', processContact(d, t));
      deleteProcess(d);
      out.p('events after delete', events.list);

      // Every line but "events" must be Emacs's; "events" is the documented difference.
      expectSameTranscript(
        'nowait-lookup-failure (decision 6)',
        emacs.filter((line) => !line.startsWith('events => ')),
        normalise(out.lines, []),
      );
      expect(calls).toEqual([
        ['d', expect.stringMatching(/^failed with code .*no-such-host\.invalid.*\n$/), intern('failed')],
      ]);
    },
  );

  test('with the default sentinel the failure is written into the buffer', async () => {
    const d = await mk(
      ':name',
      'd2',
      ':buffer',
      'd2buf',
      ':nowait',
      t,
      ':host',
      'no-such-host.invalid',
      ':service',
      80,
    );
    await waitUntil(() => processStatus(d) === intern('failed'), 5);
    expect(bufferText('d2buf')).toMatch(/^\nProcess d2 failed with code .*no-such-host\.invalid.*\n$/);
  });
});

describe('decision 4: no crash on bad input', () => {
  test('an odd-length argument list signals a Lisp error and leaves no process behind', async () => {
    // Emacs 28 dies with SIGSEGV here (E19).
    const attempt = async () => makeNetworkProcess(':name', 'x', ':server', t, ':service', t, ':keepalive');
    await expect(attempt()).rejects.toBeInstanceOf(LispError);
    expect(processList()).toEqual([]);
  });
});

describe('decision 2: :linger means what the manual says', () => {
  /** A plain Node peer that records what it receives and how the connection ended. */
  async function peer(): Promise<{
    port: number;
    result: Promise<{ bytes: number; ending: string }>;
    close: () => void;
  }> {
    const server = net.createServer();
    const result = new Promise<{ bytes: number; ending: string }>((resolve) => {
      server.once('connection', (socket) => {
        let bytes = 0;
        socket.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        socket.on('end', () => resolve({ bytes, ending: 'end' }));
        socket.on('error', (err: NodeJS.ErrnoException) => resolve({ bytes, ending: err.code ?? 'error' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    return { port, result, close: () => server.close() };
  }

  test(':linger t delivers everything queued, then closes normally', async () => {
    const p = await peer();
    try {
      const c = await mk(':name', 'lt', ':host', '127.0.0.1', ':service', p.port, ':linger', t);
      const size = 4 * 1024 * 1024;
      processSendString(c, 'z'.repeat(size));
      deleteProcess(c);
      await expect(p.result).resolves.toEqual({ bytes: size, ending: 'end' });
    } finally {
      p.close();
    }
  });

  test(':linger 0 resets the connection at once', async () => {
    const p = await peer();
    try {
      const c = await mk(':name', 'l0', ':host', '127.0.0.1', ':service', p.port, ':linger', 0);
      processSendString(c, 'abc');
      await settle(100);
      deleteProcess(c);
      const outcome = await p.result;
      expect(outcome.ending).toBe('ECONNRESET');
    } finally {
      p.close();
    }
  });
});
