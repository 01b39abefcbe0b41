import {
  LispValue,
  NetworkProcess,
  acceptProcessOutput,
  bufferList,
  cons,
  defun,
  deleteProcess,
  getBuffer,
  getBufferCreate,
  getProcess,
  insert,
  intern,
  killBuffer,
  plistMember,
  processBuffer,
  processCodingSystem,
  processCommand,
  processContact,
  processExitStatus,
  processFilter,
  processGet,
  processLiveP,
  processList,
  processMark,
  processName,
  processPlist,
  processPut,
  processQueryOnExitFlag,
  processSendRegion,
  processSendString,
  processSentinel,
  processStatus,
  processType,
  setProcessBuffer,
  setProcessFilter,
  setProcessPlist,
  setProcessSentinel,
  t,
  withCurrentBuffer,
} from '../../../src';
import { encodeCodingString } from '../../../src';
import type { LispString } from '../../../src';
import {
  Events,
  Scenario,
  bufferText,
  lispBool,
  mk,
  peerChild,
  settle,
  thePeerChild,
  waitUntil,
} from '../twin';

const children: Scenario = {
  name: 'children',
  async twin(out) {
    const logCalls = new Events();
    const sentCalls = new Events();
    const filtCalls = new Events();
    defun('my-log', (server: NetworkProcess, client: NetworkProcess, msg: string) =>
      logCalls.push([intern('LOG'), server, client, msg, processStatus(client)]),
    );
    defun('my-sent', (proc: NetworkProcess, msg: string) =>
      sentCalls.push([intern('SENTINEL'), proc, msg, processStatus(proc)]),
    );
    defun('my-filt', (proc: NetworkProcess, str: string) => filtCalls.push([intern('FILTER'), proc, str]));
    // prettier-ignore
    const srvA = await mk(
      ':name', 'srvA', ':buffer', 'bufA', ':server', t, ':service', t, ':host', '127.0.0.1',
      ':plist', [intern('a'), 1, intern('b'), 2], ':log', intern('my-log'), ':sentinel', intern('my-sent'),
      ':filter', intern('my-filt'), ':noquery', t,
    );
    const srvB = await mk(
      ':name',
      'srvB',
      ':buffer',
      'bufB',
      ':server',
      3,
      ':service',
      t,
      ':log',
      intern('my-log'),
    );
    const srvC = await mk(':name', 'srvC', ':server', t, ':service', t);

    const ca = await mk(':name', 'ca', ':host', '127.0.0.1', ':service', processContact(srvA, ':service'));
    await waitUntil(() => peerChild('srvA', ca));
    processSendString(ca, 'hello A\n');
    await waitUntil(() => filtCalls.length > 0);
    const cb = await mk(':name', 'cb', ':host', '127.0.0.1', ':service', processContact(srvB, ':service'));
    await waitUntil(() => peerChild('srvB', cb));
    processSendString(cb, 'hello B\n');
    await waitUntil(() => bufferText(processBuffer(thePeerChild('srvB', cb))) === 'hello B\n');
    const cc = await mk(':name', 'cc', ':host', '127.0.0.1', ':service', processContact(srvC, ':service'));
    await waitUntil(() => peerChild('srvC', cc));
    processSendString(cc, 'hello C\n');
    await waitUntil(() => bufferText(processBuffer(thePeerChild('srvC', cc))) === 'hello C\n');

    for (const pr of [thePeerChild('srvA', ca), thePeerChild('srvB', cb), thePeerChild('srvC', cc)]) {
      const name = processName(pr);
      out.p(`child ${name}`, [
        intern(':status'),
        processStatus(pr),
        intern(':buffer'),
        processBuffer(pr),
        intern(':filter'),
        processFilter(pr),
        intern(':sentinel'),
        processSentinel(pr),
        intern(':plist'),
        processPlist(pr),
        intern(':query'),
        processQueryOnExitFlag(pr),
        intern(':coding'),
        processCodingSystem(pr),
        intern(':type'),
        processType(pr),
        intern(':command'),
        processCommand(pr),
        intern(':live'),
        processLiveP(pr),
        intern(':exit'),
        processExitStatus(pr),
      ]);
      out.p(`child ${name} contact nil`, processContact(pr));
      out.p(`child ${name} contact t`, processContact(pr, t));
      out.p(`child ${name} :server`, processContact(pr, ':server'));
      out.p(`child ${name} buffer text`, bufferText(processBuffer(pr)));
    }
    out.p('log-calls', logCalls.list);
    out.p('sentinel-calls', sentCalls.list);
    out.p('filter-calls', filtCalls.list);
    out.p('bufA contents', bufferText('bufA'));
    out.p('bufB contents', bufferText('bufB'));
    out.p(
      'child buffer names',
      bufferNames().filter((name) => name.includes(' <')),
    );

    processPut(srvA, intern('c'), 3);
    const ca2 = await mk(':name', 'ca2', ':host', '127.0.0.1', ':service', processContact(srvA, ':service'));
    await waitUntil(() => peerChild('srvA', ca2));
    out.p('second child plist', processPlist(thePeerChild('srvA', ca2)));
    out.p('plist not shared', lispBool(processPlist(thePeerChild('srvA', ca2)) === processPlist(srvA)));
    setProcessFilter(srvA, null);
    const ca3 = await mk(':name', 'ca3', ':host', '127.0.0.1', ':service', processContact(srvA, ':service'));
    await waitUntil(() => peerChild('srvA', ca3));
    const third = thePeerChild('srvA', ca3);
    out.p('third child filter and buffer', [processFilter(third), processBuffer(third)]);

    sentCalls.clear();
    deleteProcess(srvA);
    out.p('sentinel-calls after delete srvA', sentCalls.list);
    out.p(
      'process-list after delete srvA',
      processList().map((x) => cons(processName(x), processStatus(x))),
    );
    out.p('srvA status after delete', processStatus(srvA));
  },
};

/** `(mapcar #'buffer-name (buffer-list))`: oldest first in both. */
function bufferNames(): string[] {
  return bufferList().map((b) => b.name);
}

const chunksAndOrder: Scenario = {
  name: 'chunks-and-order',
  async twin(out) {
    const seq = new Events();
    let received = 0;
    defun('s-log', (_server: NetworkProcess, child: NetworkProcess, msg: string) =>
      seq.push([intern('LOG'), processName(child), msg, processStatus(child)]),
    );
    defun('s-sent', (proc: NetworkProcess, msg: string) =>
      seq.push([intern('SENTINEL'), processName(proc), msg]),
    );
    defun('s-filt', (proc: NetworkProcess, text: string) => {
      received += text.length;
      seq.push([intern('FILTER'), processName(proc), text.length]);
    });
    // prettier-ignore
    const srv = await mk(
      ':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1', ':log', intern('s-log'),
      ':sentinel', intern('s-sent'), ':filter', intern('s-filt'),
    );
    // prettier-ignore
    const c = await mk(
      ':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'),
      ':filter', intern('ignore'), ':sentinel', intern('ignore'),
    );
    processSendString(c, 'x'.repeat(10000));
    await waitUntil(() => received >= 10000);
    out.p('order of log/sentinel/filter, chunk sizes', seq.list);
    seq.clear();

    const got: number[] = [];
    setProcessFilter(c, (_proc: NetworkProcess, text: string) => got.push(text.length));
    processSendString(thePeerChild('srv', c), 'y'.repeat(5000));
    await waitUntil(() => got.reduce((a, b) => a + b, 0) >= 5000);
    out.p('client chunk sizes', got);

    const texts: string[] = [];
    setProcessFilter(c, (_proc: NetworkProcess, text: string) => texts.push(text));
    processSendString(thePeerChild('srv', c), `${'a'.repeat(4095)}éü\n`);
    // Emacs counts characters; é and ü are one UTF-16 unit each, so length agrees here.
    await waitUntil(() => texts.join('').length >= 4098);
    out.p('decoded text', texts.join('').slice(4094));
    out.p('decoded length', texts.join('').length);
  },
};

const filtersSentinelsPlist: Scenario = {
  name: 'filters-sentinels-plist',
  async twin(out) {
    const ev = new Events();
    const got: unknown[] = [];
    const inner = new Events();
    defun('se', (pr: NetworkProcess, m: string) => ev.push([processName(pr), m, processSentinel(pr)]));
    defun('my-filter', (pr: NetworkProcess, s: string) => got.unshift([processName(pr), s]));
    defun('inner-sentinel', (pr: NetworkProcess, m: string) => {
      inner.push([intern('inside'), processSentinel(pr), m]);
      setProcessSentinel(pr, intern('new-sentinel'));
    });
    defun('new-sentinel', (_pr: NetworkProcess, m: string) => inner.push([intern('NEW'), m]));
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':sentinel', intern('se'));
    const port = processContact(srv, ':service') as number;
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':buffer', 'cbuf');
    await waitUntil(() => peerChild('srv', c));
    const child = thePeerChild('srv', c);
    out.p('default filter', processFilter(c));
    out.p('default sentinel', processSentinel(c));
    // plist-member's value is a tail; only its nil-ness is compared here.
    out.p(
      'contact :filter default (not in plist)',
      plistMember(processContact(c, t) as LispValue[], ':filter') ? t : null,
    );
    out.p('set-process-filter nil', setProcessFilter(c, null));
    out.p('contact after set-process-filter nil', processContact(c, t));
    out.p('set-process-sentinel nil', setProcessSentinel(c, null));
    out.p('set-process-buffer nil', setProcessBuffer(c, null));
    out.p('contact after set-process-buffer nil', processContact(c, t));
    out.p('process-mark no buffer', processMark(c));
    out.p('set-process-buffer cbuf', setProcessBuffer(c, getBuffer('cbuf')));
    out.p('contact :buffer now', processContact(c, ':buffer'));
    out.p('process-mark with buffer', processMark(c));
    out.p('process-put', processPut(c, intern('k'), intern('v')));
    out.p('process-get', processGet(c, intern('k')));
    out.p('process-get missing', processGet(c, intern('nope')));
    out.p('process-put again', processPut(c, intern('k'), intern('w')));
    out.p('process-plist', processPlist(c));
    out.p('set-process-plist', setProcessPlist(c, [intern('x'), 1]));
    await out.try('set-process-plist non-list', () => setProcessPlist(c, 5));
    out.p('process-plist after', processPlist(c));
    out.p('contact :plist unaffected?', processContact(c, ':plist'));

    out.p('set-process-filter t', setProcessFilter(c, t));
    out.p('contact :filter t', processContact(c, ':filter'));
    out.p('process-filter t', processFilter(c));
    processSendString(child, 'hidden');
    await settle(300);
    out.p('cbuf with filter t', bufferText('cbuf'));
    out.p('set-process-filter nil again', setProcessFilter(c, null));
    await waitUntil(() => (bufferText('cbuf') as string).length > 0);
    out.p('cbuf after filter restored', bufferText('cbuf'));

    out.p('set-process-filter my-filter', setProcessFilter(c, intern('my-filter')));
    out.p('process-filter', processFilter(c));
    out.p('contact :filter', processContact(c, ':filter'));
    processSendString(child, 'to my-filter');
    await waitUntil(() => got.length > 0);
    out.p('got', got);

    out.p('set-process-sentinel inner', setProcessSentinel(c, intern('inner-sentinel')));
    deleteProcess(child);
    await waitUntil(() => !processLiveP(c));
    out.p('sentinel introspection', inner.list);
    out.p('c sentinel after', processSentinel(c));
    out.p('c contact :sentinel', processContact(c, ':sentinel'));
    out.p('server child events', ev.list);

    out.p('set-process-filter srv t', setProcessFilter(srv, t));
    const c6 = await mk(':name', 'c6', ':host', '127.0.0.1', ':service', port);
    await waitUntil(() => peerChild('srv', c6));
    out.p("filter of c6's child", processFilter(thePeerChild('srv', c6)));
    out.p("buffer of c6's child", processBuffer(thePeerChild('srv', c6)));
    out.p('process-live-p values', [processLiveP(srv), processLiveP(c6), processLiveP(c)]);
  },
};

const sendRegionDesignators: Scenario = {
  name: 'send-region-designators',
  async twin(out) {
    const got: string[] = [];
    defun('child-filter', (_pr: NetworkProcess, s: string) => got.push(s));
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':filter', intern('child-filter'));
    const port = processContact(srv, ':service') as number;
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':buffer', 'cbuf');
    await waitUntil(() => peerChild('srv', c));
    getBufferCreate('src');
    withCurrentBuffer('src', () => insert('0123456789'));
    const inSrc = (fn: () => unknown) => () => withCurrentBuffer('src', fn);
    await out.try(
      'send-region 3 6',
      inSrc(() => processSendRegion(c, 3, 6)),
    );
    await out.try(
      'send-region 9 7',
      inSrc(() => processSendRegion(c, 9, 7)),
    );
    await out.try(
      'send-region out of range',
      inSrc(() => processSendRegion(c, 1, 100)),
    );
    await out.try(
      'send-region 0 2',
      inSrc(() => processSendRegion(c, 0, 2)),
    );
    await out.try(
      'send-region by name',
      inSrc(() => processSendRegion('c', 1, 2)),
    );
    await out.try('send-string by buffer', () => processSendString(getBuffer('cbuf'), 'B'));
    await out.try('send-string by buffer name', () => processSendString('cbuf', 'N'));
    await out.try('send-string nil (current buffer)', () =>
      withCurrentBuffer('cbuf', () => processSendString(null, 'Z')),
    );
    await out.try('send-string non-string', () => processSendString(c, 42));
    await out.try('send-string integer designator', () => processSendString(42, 'x'));
    await out.try('send-string unknown name', () => processSendString('nope', 'x'));
    await out.try('send-string buffer without process', () => processSendString('src', 'x'));
    await out.try(
      'send-string nil in buffer without process',
      inSrc(() => processSendString(null, 'x')),
    );
    await waitUntil(() => got.join('') === '234670BNZ');
    out.p('child got', got.join(''));

    await out.try('get-process symbol', () => getProcess(intern('c')));
    await out.try('get-process nonexistent', () => getProcess('nope'));
    await out.try('get-process by process', () => getProcess(c));
    await out.try('get-process by name', () => getProcess('c'));
    await out.try('process-status by name', () => processStatus('c'));
    await out.try('process-status nonexistent name', () => processStatus('nope'));
    await out.try('process-status by buffer', () => processStatus(getBuffer('cbuf')));
    await out.try('process-status by buffer name', () => processStatus('cbuf'));
    await out.try('process-status buffer w/o process', () => processStatus(getBuffer('src')));
    await out.try(
      'process-status nil in buffer w/o process',
      inSrc(() => processStatus(null)),
    );
    await out.try('process-status nil in cbuf', () => withCurrentBuffer('cbuf', () => processStatus(null)));
    await out.try('process-status integer', () => processStatus(42));
    await out.try('delete-process nonexistent name', () => deleteProcess('nope'));
    await out.try('delete-process buffer w/o process', () => deleteProcess('src'));
    await out.try('process-contact non-process', () => processContact('c'));
    await out.try('process-name non-process', () => processName('c'));
    await out.try('process-buffer non-process', () => processBuffer('c'));
    await out.try('process-live-p non-process', () => processLiveP('c'));
    await out.try('process-plist non-process', () => processPlist('c'));
    await out.try('set-process-filter non-process', () => setProcessFilter('c', null));
    await out.try('apo seconds as string', () => acceptProcessOutput(null, '1'));
    await out.try('apo millisec', () => acceptProcessOutput(null, 0, 100));
    await out.try('apo negative', () => acceptProcessOutput(null, -1));
    await out.try('apo with unknown name', () => acceptProcessOutput('nope', 0.1));
    await out.try('apo NaN millisec', () => acceptProcessOutput(null, 0.01, NaN));
    await out.try('apo float millisec', () => acceptProcessOutput(null, 0, 1.5));
    await out.try('apo bignum millisec', () => acceptProcessOutput(null, 0, 2n ** 70n));
    await out.try('apo float seconds with millisec', () => acceptProcessOutput(null, 0.01, 5));
    await out.try('apo NaN seconds', () => acceptProcessOutput(null, NaN));
    await out.try('apo -inf seconds', () => acceptProcessOutput(null, -Infinity));
    await out.try('apo bad process before bad millisec', () => acceptProcessOutput(5, null, 'x'));
    await out.try('delete-process by buffer name', () => deleteProcess('cbuf'));
    out.p('c status', processStatus(c));
    await out.try('delete-process buffer, process gone', () => deleteProcess('cbuf'));
    const dead = getBufferCreate('dead');
    killBuffer(dead);
    await out.try('process-status killed buffer', () => processStatus(dead));
    await out.try('send-string killed buffer', () => processSendString(dead, 'x'));
    await out.try('delete-process killed buffer', () => deleteProcess(dead));
  },
};

/** `(mapcar #'identity STRING)`: the character codes. */
function codes(text: unknown): number[] {
  return [...(text as string)].map((ch) => ch.codePointAt(0) as number);
}

const coding: Scenario = {
  name: 'coding',
  async twin(out) {
    const got: string[] = [];
    defun('srv-filt', (_proc: NetworkProcess, text: string) => got.unshift(text));
    // prettier-ignore
    const srv = await mk(
      ':name', 'srv', ':server', t, ':service', t, ':coding', intern('binary'), ':filter', intern('srv-filt'),
    );
    const port = processContact(srv, ':service') as number;
    out.p('server coding', processCodingSystem(srv));
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':buffer', 'cbuf');
    await waitUntil(() => peerChild('srv', c));
    out.p('default coding', processCodingSystem(c));
    out.p("child coding (the server's)", processCodingSystem(thePeerChild('srv', c)));
    const cu = await mk(':name', 'cu', ':host', '127.0.0.1', ':service', port, ':coding', intern('utf-8'));
    out.p(':coding utf-8', processCodingSystem(cu));
    out.p(':coding utf-8 contact :coding', processContact(cu, ':coding'));
    // prettier-ignore
    const cl = await mk(
      ':name', 'cl', ':host', '127.0.0.1', ':service', port, ':coding', cons(intern('latin-1'), intern('utf-8')),
      ':buffer', 'clbuf',
    );
    out.p(':coding (latin-1 . utf-8)', processCodingSystem(cl));
    await waitUntil(() => peerChild('srv', cl));
    const cb = await mk(':name', 'cb', ':host', '127.0.0.1', ':service', port, ':coding', intern('binary'));
    out.p(':coding binary', processCodingSystem(cb));
    await waitUntil(() => peerChild('srv', cb));
    processSendString(c, 'é');
    await waitUntil(() => got.length > 0);
    out.p('utf-8 bytes of é', codes(got[0]));
    got.length = 0;
    processSendString(thePeerChild('srv', cl), encodeCodingString('é', intern('utf-8')) as LispString);
    await waitUntil(() => (bufferText('clbuf') as string).length > 0);
    out.p('latin-1 decoding of UTF-8 é', bufferText('clbuf'));
    out.p('as characters', codes(bufferText('clbuf')));
    processSendString(thePeerChild('srv', c), encodeCodingString('é€', intern('utf-8')) as LispString);
    await waitUntil(() => (bufferText('cbuf') as string).length > 0);
    out.p('utf-8 decoding', bufferText('cbuf'));
    out.p('utf-8 decoding as characters', codes(bufferText('cbuf')));
  },
};

export const functionScenarios: readonly Scenario[] = [
  children,
  chunksAndOrder,
  filtersSentinelsPlist,
  sendRegionDesignators,
  coding,
];
