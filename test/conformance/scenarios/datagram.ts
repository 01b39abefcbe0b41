import {
  NetworkProcess,
  cons,
  continueProcess,
  defun,
  deleteProcess,
  formatNetworkAddress,
  intern,
  processBuffer,
  processCommand,
  processContact,
  processDatagramAddress,
  processExitStatus,
  processFilter,
  processList,
  processLiveP,
  processName,
  processSendEof,
  processSendString,
  processStatus,
  processType,
  setNetworkProcessOption,
  setProcessDatagramAddress,
  setProcessFilter,
  stopProcess,
  t,
  vector,
} from '../../../src';
import {
  Events,
  Scenario,
  bufferText,
  equalp,
  inProcessList,
  lispBool,
  mk,
  names,
  settle,
  waitUntil,
} from '../twin';

const datagram = intern('datagram');

/** `dfilt` as each script defines it: records (NAME STRING DATAGRAM-ADDRESS) per filter call. */
export function datagramRecorder(): Events {
  const got = new Events();
  defun('dfilt', (proc: NetworkProcess, str: string) =>
    got.push([processName(proc), str, processDatagramAddress(proc)]),
  );
  return got;
}

/** E07: an IPv4 datagram server and two clients, one filter call per datagram. */
const datagramExchange: Scenario = {
  name: 'datagram-exchange',
  async twin(out) {
    const got = datagramRecorder();
    // prettier-ignore
    const ds = await mk(
      ':name', 'ds', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', intern('dfilt'), ':buffer', 'dsbuf',
    );
    const port = processContact(ds, ':service') as number;
    out.p('ds status', processStatus(ds));
    out.p('ds live-p', processLiveP(ds));
    out.p('ds type', processType(ds));
    out.p('ds contact t', processContact(ds, t));
    out.p('ds contact nil', processContact(ds));
    out.p('ds :local', processContact(ds, ':local'));
    out.p('ds :type', processContact(ds, ':type'));
    out.p('ds buffer', processBuffer(ds));
    // prettier-ignore
    const c1 = await mk(
      ':name', 'c1', ':type', datagram, ':host', '127.0.0.1', ':service', port, ':filter', intern('dfilt'),
    );
    // prettier-ignore
    const c2 = await mk(
      ':name', 'c2', ':type', datagram, ':remote', vector(127, 0, 0, 1, port), ':filter', intern('dfilt'),
    );
    out.p('c1 status', processStatus(c1));
    out.p('c1 contact t', processContact(c1, t));
    out.p('c1 contact nil', processContact(c1));
    out.p('c2 status', processStatus(c2));
    out.p('c2 contact t', processContact(c2, t));
    out.p('c2 contact nil', processContact(c2));
    out.p('c1 datagram-address', processDatagramAddress(c1));
    out.p('c2 datagram-address', processDatagramAddress(c2));
    out.p('process-list', names(processList()));
    out.p('send c1 a', processSendString(c1, 'from-c1-a'));
    processSendString(c1, 'from-c1-b');
    await waitUntil(() => got.length === 2);
    processSendString(c2, 'from-c2');
    await waitUntil(() => got.length === 3);
    out.p('server got', got.list);
    got.clear();
    out.p('ds datagram-address now (last sender)', processDatagramAddress(ds));
    out.p('ds contact t now', processContact(ds, t));
    out.p('c2 :local (after sending)', processContact(c2, ':local'));
    processSendString(ds, 'reply');
    await waitUntil(() => got.length > 0);
    await settle(200);
    out.p('reply went to', got.list);
    got.clear();
    processSendString(c1, 'again');
    await waitUntil(() => got.length > 0);
    processSendString(ds, 'reply2');
    await waitUntil(() => got.length === 2);
    await settle(200);
    out.p('after c1 sent again', got.list);
    got.clear();
    setProcessFilter(c2, (proc: NetworkProcess, str: string) => {
      got.push(['c2 filter', str]);
      processSendString(proc, `echo:${str}`);
    });
    processSendString(c2, 'to-server');
    await waitUntil(() => got.length === 1);
    out.p('server got from c2', got.list);
    got.clear();
    processSendString(ds, 'ping');
    await waitUntil(() => got.length === 2);
    out.p('ping/echo', got.list);
    got.clear();
    setProcessFilter(ds, null);
    processSendString(c1, 'x1');
    processSendString(c1, 'x2');
    await waitUntil(() => bufferText('dsbuf') === 'x1x2');
    out.p('dsbuf (default filter)', bufferText('dsbuf'));
    out.p('ds filter', processFilter(ds));
    out.p('process-list at end', names(processList()));
  },
};

/** The datagram address before and after traffic, and a server's initial :remote. */
const datagramAddress: Scenario = {
  name: 'datagram-address',
  async twin(out) {
    const got = datagramRecorder();
    // prettier-ignore
    const ds = await mk(
      ':name', 'ds', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', intern('dfilt'),
    );
    const port = processContact(ds, ':service') as number;
    out.p('ds datagram-address initial', processDatagramAddress(ds));
    out.p('ds contact :remote initial', processContact(ds, ':remote'));
    out.p('ds contact t initial', processContact(ds, t));
    out.p('format-network-address of it', formatNetworkAddress(processDatagramAddress(ds)));
    // prettier-ignore
    const c1 = await mk(
      ':name', 'c1', ':type', datagram, ':host', '127.0.0.1', ':service', port, ':filter', intern('dfilt'),
    );
    // prettier-ignore
    const c2 = await mk(
      ':name', 'c2', ':type', datagram, ':host', '127.0.0.1', ':service', port, ':filter', intern('dfilt'),
    );
    processSendString(c1, 'one');
    await waitUntil(() => got.length > 0);
    out.p('ds datagram-address after c1', processDatagramAddress(ds));
    out.p('ds contact :remote after c1', processContact(ds, ':remote'));
    out.p(
      'same as datagram-address',
      lispBool(equalp(processContact(ds, ':remote'), processDatagramAddress(ds))),
    );
    processSendString(c2, 'two');
    await waitUntil(() => got.length === 2);
    out.p('ds datagram-address after c2', processDatagramAddress(ds));
    out.p('ds contact :local (unchanged)', processContact(ds, ':local'));
    out.p('ds contact nil', processContact(ds));
    out.p('ds contact t after c2', processContact(ds, t));
    out.p('c1 datagram-address (never changes without traffic to it)', processDatagramAddress(c1));
    out.p('c1 contact :remote', processContact(c1, ':remote'));
    out.p('c1 contact :local', processContact(c1, ':local'));
    got.clear();
    // prettier-ignore
    const ds2 = await mk(
      ':name', 'ds2', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
      ':remote', vector(127, 0, 0, 1, 9),
    );
    out.p('ds2 datagram-address initial from :remote', processDatagramAddress(ds2));
    out.p('ds2 contact t', processContact(ds2, t));
    // prettier-ignore
    const ds4 = await mk(
      ':name', 'ds4', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
      ':remote', vector(0, 0, 0, 0, 0, 0, 0, 1, 9),
    );
    out.p('ds4 (IPv6 :remote on an IPv4 server) datagram-address', processDatagramAddress(ds4));
    out.p('ds4 contact :remote', processContact(ds4, ':remote'));
    // prettier-ignore
    const ds5 = await mk(
      ':name', 'ds5', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1', ':remote', '/tmp/x',
    );
    out.p('ds5 (string :remote) datagram-address', processDatagramAddress(ds5));
    await out.try('ds6 (:remote 42)', async () => {
      // prettier-ignore
      const pr = await mk(
        ':name', 'ds6', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1', ':remote', 42,
      );
      return [processDatagramAddress(pr), processContact(pr, ':remote')];
    });
    // prettier-ignore
    const ds7 = await mk(
      ':name', 'ds7', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', intern('dfilt'),
    );
    // prettier-ignore
    const c3 = await mk(
      ':name', 'c3', ':type', datagram, ':host', '127.0.0.1', ':service', processContact(ds7, ':service'),
      ':filter', intern('dfilt'),
    );
    processSendString(c3, 'hello');
    await waitUntil(() => got.length > 0);
    processSendString(ds7, 'answer');
    await waitUntil(() => got.length === 2);
    out.p('ds7 exchange', got.list);
    processContact(ds, t);
    processSendString(c1, 'three');
    await waitUntil(() => got.length === 3);
    deleteProcess(ds);
    out.p('ds datagram-address after delete', processDatagramAddress(ds));
    out.p('ds contact :remote after delete (last written)', processContact(ds, ':remote'));
    out.p('ds contact t after delete', processContact(ds, t));
  },
};

/** set-process-datagram-address: success, the nil cases, re-targeting a client (E07, E21). */
const datagramSetAddress: Scenario = {
  name: 'datagram-set-address',
  async twin(out) {
    const got = new Events();
    defun('dfilt', (proc: NetworkProcess, str: string) => got.push([processName(proc), str]));
    // prettier-ignore
    const d1 = await mk(
      ':name', 'd1', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', intern('dfilt'),
    );
    // prettier-ignore
    const d2 = await mk(
      ':name', 'd2', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', intern('dfilt'),
    );
    // prettier-ignore
    const dc = await mk(
      ':name', 'dc', ':type', datagram, ':remote', processContact(d1, ':local'), ':filter', intern('dfilt'),
    );
    processSendString(dc, 'one');
    await waitUntil(() => got.length > 0);
    out.p(
      'set-process-datagram-address on client',
      setProcessDatagramAddress(dc, processContact(d2, ':local')),
    );
    out.p('dc datagram-address after retarget', processDatagramAddress(dc));
    out.p('dc contact :remote after retarget', processContact(dc, ':remote'));
    out.p('dc contact t after retarget', processContact(dc, t));
    processSendString(dc, 'two');
    await waitUntil(() => got.length === 2);
    await settle(200);
    out.p('received', got.list);
    got.clear();
    const addr = vector(127, 0, 0, 1, processContact(d1, ':service'));
    out.p('returns its argument', lispBool(setProcessDatagramAddress(dc, addr) === addr));
    processSendString(dc, 'three');
    await waitUntil(() => got.length > 0);
    out.p('received after retarget back', got.list);
    got.clear();
    out.p('set d1 address -> d2', setProcessDatagramAddress(d1, processContact(d2, ':local')));
    processSendString(d1, 'server to server');
    await waitUntil(() => got.length > 0);
    out.p('d2 got', got.list);
    got.clear();
    out.p(
      'd2 datagram-address (sender d1)',
      lispBool(equalp(processDatagramAddress(d2), processContact(d1, ':local'))),
    );
    out.p('IPv6 vector on IPv4', setProcessDatagramAddress(d1, vector(0, 0, 0, 0, 0, 0, 0, 1, 9)));
    out.p('string on IPv4', setProcessDatagramAddress(d1, '/tmp/x'));
    out.p('integer', setProcessDatagramAddress(d1, 42));
    out.p('nil', setProcessDatagramAddress(d1, null));
    out.p('4-element vector', setProcessDatagramAddress(d1, vector(127, 0, 0, 1)));
    out.p('6-element vector', setProcessDatagramAddress(d1, vector(127, 0, 0, 1, 2, 3)));
    out.p('raw form of the wrong size', setProcessDatagramAddress(d1, cons(2, vector(0, 0, 127, 0, 0, 1))));
    out.p(
      'd1 address unchanged by the failures',
      lispBool(equalp(processDatagramAddress(d1), processContact(d2, ':local'))),
    );
    out.p('port 0', setProcessDatagramAddress(d1, vector(127, 0, 0, 1, 0)));
    out.p('d1 datagram-address port 0', processDatagramAddress(d1));
    const st = await mk(':name', 'st', ':server', t, ':service', t);
    out.p('datagram-address of a stream server', processDatagramAddress(st));
    out.p('set on a stream server', setProcessDatagramAddress(st, vector(127, 0, 0, 1, 5)));
    const sc = await mk(':name', 'sc', ':host', '127.0.0.1', ':service', processContact(st, ':service'));
    out.p('datagram-address of a stream client', processDatagramAddress(sc));
    out.p('set on a stream client', setProcessDatagramAddress(sc, vector(127, 0, 0, 1, 5)));
    await out.try('datagram-address of a non-process', () => processDatagramAddress('d1'));
    await out.try('set on a non-process', () =>
      setProcessDatagramAddress(intern('d1'), vector(127, 0, 0, 1, 5)),
    );
    deleteProcess(dc);
    out.p('set on a deleted client', setProcessDatagramAddress(dc, vector(127, 0, 0, 1, 5)));
    out.p('datagram-address of a deleted client', processDatagramAddress(dc));
  },
};

/** Sending to lo's broadcast address needs SO_BROADCAST; never :broadcast at a client's creation. */
const datagramBroadcast: Scenario = {
  name: 'datagram-broadcast',
  async twin(out) {
    const got = new Events();
    defun('dfilt', (proc: NetworkProcess, str: string) => got.push([processName(proc), str]));
    // prettier-ignore
    const rx = await mk(
      ':name', 'rx', ':type', datagram, ':server', t, ':service', t, ':host', '127.255.255.255',
      ':filter', intern('dfilt'),
    );
    const port = processContact(rx, ':service') as number;
    out.p('rx contact t', processContact(rx, t));
    const bc = await mk(':name', 'bc', ':type', datagram, ':host', '127.255.255.255', ':service', port);
    out.p('bc contact t', processContact(bc, t));
    await out.try('send broadcast without SO_BROADCAST', () => processSendString(bc, 'x'));
    out.p('bc status after the refusal', processStatus(bc));
    out.p('snpo :broadcast t', setNetworkProcessOption(bc, ':broadcast', t));
    out.p('bc contact t after snpo', processContact(bc, t));
    await out.try('send broadcast after set-network-process-option', () =>
      processSendString(bc, 'after-snpo'),
    );
    await waitUntil(() => got.length > 0);
    out.p('rx got', got.list);
    got.clear();
    out.p('snpo :broadcast nil', setNetworkProcessOption(bc, ':broadcast', null));
    await out.try('send broadcast after turning it off', () => processSendString(bc, 'y'));
    // prettier-ignore
    const bs = await mk(
      ':name', 'bs', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1', ':broadcast', t,
    );
    out.p('bs contact t', processContact(bs, t));
    out.p('bs set addr to broadcast', setProcessDatagramAddress(bs, vector(127, 255, 255, 255, port)));
    await out.try('send broadcast from a server with :broadcast t', () => processSendString(bs, 'from-bs'));
    await waitUntil(() => got.length > 0);
    out.p('rx got from bs', got.list);
    got.clear();
    // prettier-ignore
    const bs2 = await mk(
      ':name', 'bs2', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
    );
    setProcessDatagramAddress(bs2, vector(127, 255, 255, 255, port));
    await out.try('send broadcast from a server without :broadcast', () => processSendString(bs2, 'z'));
    const uc = await mk(':name', 'uc', ':type', datagram, ':host', '127.0.0.1', ':service', port);
    out.p('uc retarget', setProcessDatagramAddress(uc, vector(127, 255, 255, 255, port)));
    await out.try('send from re-targeted client', () => processSendString(uc, 'w'));
    await settle(200);
    out.p('rx got nothing refused', got.list);
  },
};

/** Oversized datagrams, other send errors, process-send-eof and empty strings. */
const datagramSendErrors: Scenario = {
  name: 'datagram-send-errors',
  async twin(out) {
    const got = new Events();
    defun('dfilt', (proc: NetworkProcess, str: string) => got.push([processName(proc), str]));
    // prettier-ignore
    const ds = await mk(
      ':name', 'ds', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', intern('dfilt'),
    );
    const port = processContact(ds, ':service') as number;
    // prettier-ignore
    const c1 = await mk(
      ':name', 'c1', ':type', datagram, ':host', '127.0.0.1', ':service', port, ':filter', intern('dfilt'),
    );
    // prettier-ignore
    const sink = await mk(
      ':name', 'sink', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1', ':filter', t,
    );
    // prettier-ignore
    const big = await mk(
      ':name', 'big', ':type', datagram, ':host', '127.0.0.1', ':service', processContact(sink, ':service'),
    );
    await out.try('largest IPv4 datagram (65507 bytes)', () => processSendString(big, 'a'.repeat(65507)));
    await out.try('one byte more (65508)', () => processSendString(big, 'a'.repeat(65508)));
    await out.try('oversized datagram (70000)', () => processSendString(big, 'a'.repeat(70000)));
    out.p('big status after oversized', processStatus(big));
    out.p('big exit status', processExitStatus(big));
    await out.try('oversized from a server', () => {
      setProcessDatagramAddress(ds, processContact(big, ':remote'));
      return processSendString(ds, 'b'.repeat(70000));
    });
    out.p('ds status after oversized', processStatus(ds));
    await out.try('send after the failure', () => processSendString(c1, 'still-works'));
    await waitUntil(() => got.length > 0);
    out.p('got', got.list);
    got.clear();
    const c0 = await mk(':name', 'c0', ':type', datagram, ':host', '127.0.0.1', ':service', port);
    setProcessDatagramAddress(c0, vector(127, 0, 0, 1, 0));
    await out.try('send to port 0', () => processSendString(c0, 'x'));
    out.p('c0 status', processStatus(c0));
    // prettier-ignore
    const gone = await mk(
      ':name', 'gone', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
    );
    const gonePort = processContact(gone, ':service');
    deleteProcess(gone);
    const cg = await mk(':name', 'cg', ':type', datagram, ':host', '127.0.0.1', ':service', gonePort);
    await out.try('send to a closed port', () => processSendString(cg, 'x'));
    await settle(200);
    await out.try('send again to the closed port', () => processSendString(cg, 'x'));
    out.p('cg status', processStatus(cg));
    out.p('send-eof on datagram client', processSendEof(c1));
    out.p('c1 status after send-eof', processStatus(c1));
    out.p('send-eof twice', processSendEof(c1));
    await out.try('send after eof', () => processSendString(c1, 'after-eof'));
    await waitUntil(() => got.length > 0);
    out.p('server got after c1 send-eof', got.list);
    got.clear();
    out.p('send-eof on datagram server', processSendEof(ds));
    out.p('ds status after send-eof', processStatus(ds));
    processSendString(ds, 'server-after-eof');
    await waitUntil(() => got.length > 0);
    out.p('c1 got from the server after its send-eof', got.list);
    got.clear();
    processSendString(c1, 'server still reads');
    await waitUntil(() => got.length > 0);
    out.p('server still reads', got.list);
    got.clear();
    const c2 = await mk(':name', 'c2', ':type', datagram, ':host', '127.0.0.1', ':service', port);
    processSendString(c1, 'from-c1');
    await waitUntil(() => got.length > 0);
    const c1Addr = processDatagramAddress(ds);
    await out.try('send empty string', () => processSendString(c2, ''));
    await settle(300);
    out.p(
      "ds address still c1's after c2 sent an empty string",
      lispBool(equalp(processDatagramAddress(ds), c1Addr)),
    );
    out.p('ds status after the empty send', processStatus(ds));
    processSendString(c1, 'after-empty');
    await waitUntil(() => got.length === 2);
    out.p('got around the empty send', got.list);
  },
};

/** stop-process/continue-process (queued datagrams in order) and delete-process. */
const datagramStopContinue: Scenario = {
  name: 'datagram-stop-continue',
  async twin(out) {
    const got = new Events();
    const ev = new Events();
    defun('dfilt', (proc: NetworkProcess, str: string) => got.push([processName(proc), str]));
    defun('se', (proc: NetworkProcess, msg: string) =>
      ev.push([processName(proc), msg, processStatus(proc)]),
    );
    // prettier-ignore
    const ds = await mk(
      ':name', 'ds', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', intern('dfilt'), ':sentinel', intern('se'),
    );
    const port = processContact(ds, ':service') as number;
    // prettier-ignore
    const c1 = await mk(
      ':name', 'c1', ':type', datagram, ':host', '127.0.0.1', ':service', port, ':filter', intern('dfilt'),
      ':sentinel', intern('se'),
    );
    processSendString(c1, 'before');
    await waitUntil(() => got.length > 0);
    out.p('got before stop', got.list);
    got.clear();
    out.p('stop-process', stopProcess(ds));
    out.p('ds status stopped', processStatus(ds));
    out.p('ds command stopped', processCommand(ds));
    out.p('ds live-p stopped', processLiveP(ds));
    for (const i of [1, 2, 3, 4, 5]) processSendString(c1, `while-stopped-${i}`);
    await settle(300);
    out.p('got while stopped', got.list);
    const before = processDatagramAddress(ds);
    processSendString(c1, 'x');
    await settle(100);
    out.p(
      'ds datagram-address not updated while stopped',
      lispBool(equalp(before, processDatagramAddress(ds))),
    );
    await out.try('stopped server sends', () => {
      setProcessDatagramAddress(ds, vector(127, 0, 0, 1, port));
      return processSendString(ds, 'to-self');
    });
    await settle(200);
    out.p('got after sending to itself while stopped', got.list);
    out.p('continue-process', continueProcess(ds));
    out.p('ds status continued', processStatus(ds));
    await waitUntil(() => got.length === 7);
    out.p('got after continue', got.list);
    got.clear();
    out.p('sentinel events (none for stop/continue)', ev.list);
    // prettier-ignore
    const ds2 = await mk(
      ':name', 'ds2', ':type', datagram, ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', intern('dfilt'), ':stop', t,
    );
    out.p('ds2 status', processStatus(ds2));
    out.p('ds2 contact :stop', processContact(ds2, ':stop'));
    // prettier-ignore
    const c2 = await mk(
      ':name', 'c2', ':type', datagram, ':host', '127.0.0.1', ':service', processContact(ds2, ':service'),
      ':filter', intern('dfilt'),
    );
    processSendString(c2, 'queued-1');
    processSendString(c2, 'queued-2');
    await settle(300);
    out.p('ds2 got while stopped from the start', got.list);
    continueProcess(ds2);
    await waitUntil(() => got.length === 2);
    out.p('ds2 got after continue', got.list);
    got.clear();
    stopProcess(c1);
    out.p('c1 status stopped', processStatus(c1));
    processSendString(c1, 'c1-sends-while-stopped');
    await waitUntil(() => got.length > 0);
    out.p('server got from a stopped client', got.list);
    got.clear();
    processSendString(ds, 'to-stopped-client');
    await settle(300);
    out.p('c1 got while stopped', got.list);
    continueProcess(c1);
    await waitUntil(() => got.length > 0);
    out.p('c1 got after continue', got.list);
    got.clear();
    out.p('delete ds', deleteProcess(ds));
    out.p('ds status after delete', processStatus(ds));
    out.p('ds live-p after delete', processLiveP(ds));
    out.p('ds exit status', processExitStatus(ds));
    out.p('ds datagram-address after delete', processDatagramAddress(ds));
    out.p('ds in process-list', inProcessList(ds));
    await out.try('send to deleted ds', () => processSendString(ds, 'x'));
    await out.try('set-process-datagram-address on deleted ds', () =>
      setProcessDatagramAddress(ds, vector(127, 0, 0, 1, port)),
    );
    await out.try('stop deleted ds', () => processStatus(stopProcess(ds)));
    await out.try('continue deleted ds', () => processStatus(continueProcess(ds)));
    out.p('events after delete', ev.list);
    ev.clear();
    await out.try('c1 sends to the deleted server', () => processSendString(c1, 'nobody'));
    out.p('c1 status', processStatus(c1));
    deleteProcess(c1);
    out.p('c1 status after delete', processStatus(c1));
    out.p('c1 datagram-address after delete', processDatagramAddress(c1));
    out.p('c1 contact t after delete', processContact(c1, t));
    out.p('events after deleting c1', ev.list);
    out.p('process-list', names(processList()));
  },
};

export const datagramScenarios: readonly Scenario[] = [
  datagramExchange,
  datagramAddress,
  datagramSetAddress,
  datagramBroadcast,
  datagramSendErrors,
  datagramStopContinue,
];
