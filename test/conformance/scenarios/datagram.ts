import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import net from 'node:net';
import {
  NetworkProcess,
  cons,
  continueProcess,
  defun,
  deleteProcess,
  getProcess,
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
  setProcessSentinel,
  stopProcess,
  t,
  vector,
} from '../../../src';
import {
  Events,
  Scenario,
  bufferText,
  childOf,
  childrenOf,
  equalp,
  inProcessList,
  lispBool,
  mk,
  names,
  settle,
  waitUntil,
} from '../twin';

const datagram = intern('datagram');
const local = intern('local');

/** `dfilt` as each script defines it: records (NAME STRING DATAGRAM-ADDRESS) per filter call. */
function datagramRecorder(): Events {
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

/** IPv6 datagrams on ::1, and an IPv4-mapped IPv6 server receiving from an IPv4 client. */
const datagramIpv6: Scenario = {
  name: 'datagram-ipv6',
  async twin(out) {
    const got = datagramRecorder();
    // prettier-ignore
    const ds = await mk(
      ':name', 'ds6', ':type', datagram, ':server', t, ':service', t, ':host', '::1', ':filter', intern('dfilt'),
    );
    const port = processContact(ds, ':service') as number;
    out.p('ds6 status', processStatus(ds));
    out.p('ds6 contact t', processContact(ds, t));
    out.p('ds6 contact nil', processContact(ds));
    out.p('ds6 datagram-address initial', processDatagramAddress(ds));
    // prettier-ignore
    const dsf = await mk(
      ':name', 'dsf', ':type', datagram, ':server', t, ':service', t, ':family', intern('ipv6'),
    );
    out.p('dsf (:family ipv6, no host) contact t', processContact(dsf, t));
    // prettier-ignore
    const c1 = await mk(
      ':name', 'c1', ':type', datagram, ':host', '::1', ':service', port, ':filter', intern('dfilt'),
    );
    // prettier-ignore
    const c2 = await mk(
      ':name', 'c2', ':type', datagram, ':remote', vector(0, 0, 0, 0, 0, 0, 0, 1, port),
      ':filter', intern('dfilt'),
    );
    // prettier-ignore
    const c3 = await mk(
      ':name', 'c3', ':type', datagram, ':host', intern('local'), ':family', intern('ipv6'), ':service', port,
      ':filter', intern('dfilt'),
    );
    out.p('c1 contact t', processContact(c1, t));
    out.p('c2 contact t', processContact(c2, t));
    out.p('c3 contact t', processContact(c3, t));
    out.p('c1 datagram-address', processDatagramAddress(c1));
    processSendString(c1, 'six-a');
    await waitUntil(() => got.length > 0);
    processSendString(c2, 'six-b');
    await waitUntil(() => got.length === 2);
    processSendString(c3, 'six-c');
    await waitUntil(() => got.length === 3);
    out.p('server got', got.list);
    got.clear();
    out.p('ds6 contact :remote now', processContact(ds, ':remote'));
    processSendString(ds, 'reply6');
    await waitUntil(() => got.length > 0);
    await settle(200);
    out.p('reply went to', got.list);
    got.clear();
    out.p('format-network-address of the sender', formatNetworkAddress(processDatagramAddress(ds), t));
    out.p('IPv4 vector on IPv6', setProcessDatagramAddress(ds, vector(127, 0, 0, 1, 9)));
    out.p('string on IPv6', setProcessDatagramAddress(ds, '/tmp/x'));
    out.p('IPv6 vector on IPv6', setProcessDatagramAddress(ds, vector(0, 0, 0, 0, 0, 0, 0, 1, port)));
    processSendString(ds, 'to-self');
    await waitUntil(() => got.length > 0);
    out.p(
      'ds6 sent to itself',
      (got.list ?? []).map((x) => (x as unknown[]).slice(0, 2)),
    );
    got.clear();
    // prettier-ignore
    const sink = await mk(
      ':name', 'sink6', ':type', datagram, ':server', t, ':service', t, ':host', '::1', ':filter', t,
    );
    // prettier-ignore
    const big = await mk(
      ':name', 'big6', ':type', datagram, ':host', '::1', ':service', processContact(sink, ':service'),
    );
    await out.try('largest IPv6 datagram (65527 bytes)', () => processSendString(big, 'a'.repeat(65527)));
    await out.try('one byte more (65528)', () => processSendString(big, 'a'.repeat(65528)));
    // prettier-ignore
    const dm = await mk(
      ':name', 'dm', ':type', datagram, ':server', t, ':service', t, ':host', '::ffff:127.0.0.1',
      ':filter', intern('dfilt'),
    );
    out.p('dm contact t', processContact(dm, t));
    // prettier-ignore
    const c4 = await mk(
      ':name', 'c4', ':type', datagram, ':host', '127.0.0.1', ':service', processContact(dm, ':service'),
      ':filter', intern('dfilt'),
    );
    processSendString(c4, 'v4-to-mapped');
    await waitUntil(() => got.length > 0);
    out.p('dm got (mapped sender)', got.list);
    got.clear();
    processSendString(dm, 'mapped-reply');
    await waitUntil(() => got.length > 0);
    out.p('c4 got the reply from', got.list);
  },
};

/** Unix-socket datagram servers and clients; unnamed senders leave the address as it was. */
const datagramLocal: Scenario = {
  name: 'datagram-local',
  async twin(out, ctx) {
    const got = datagramRecorder();
    /** `(car x) (nth 1 x)` and whether the address is `address`. */
    const from = (address: string): unknown[] =>
      (got.list ?? []).map((x) => {
        const [name, str, addr] = x as unknown[];
        return [name, str, lispBool(equalp(addr, address))];
      });
    const path = ctx.tmpPath('udg.sock');
    // prettier-ignore
    const udg = await mk(
      ':name', 'udg', ':type', datagram, ':family', local, ':service', path, ':server', t,
      ':filter', intern('dfilt'),
    );
    out.p('udg status', processStatus(udg));
    out.p('udg contact t', processContact(udg, t));
    out.p('udg contact nil', processContact(udg));
    out.p('udg datagram-address initial', processDatagramAddress(udg));
    out.p('socket file exists', lispBool(existsSync(path)));
    // prettier-ignore
    const uc = await mk(
      ':name', 'uc', ':type', datagram, ':family', local, ':service', path, ':filter', intern('dfilt'),
    );
    out.p('uc status', processStatus(uc));
    out.p('uc contact t', processContact(uc, t));
    out.p('uc datagram-address', processDatagramAddress(uc));
    processSendString(uc, 'hello over unix');
    processSendString(uc, 'second');
    await waitUntil(() => got.length === 2);
    out.p('udg got', got.list);
    got.clear();
    out.p('udg contact :remote after traffic', processContact(udg, ':remote'));
    await out.try('reply to the unnamed sender', () => processSendString(udg, 'reply'));
    const path2 = ctx.tmpPath('udg2.sock');
    // prettier-ignore
    const udg2 = await mk(
      ':name', 'udg2', ':type', datagram, ':family', local, ':service', path2, ':server', t,
      ':filter', intern('dfilt'),
    );
    out.p('udg2 -> udg', lispBool(equalp(path, setProcessDatagramAddress(udg2, path))));
    processSendString(udg2, 'from a named socket');
    await waitUntil(() => got.length > 0);
    out.p('udg got from udg2', from(path2));
    got.clear();
    processSendString(udg, 'answer to udg2');
    await waitUntil(() => got.length > 0);
    out.p('udg2 got the answer', from(path));
    got.clear();
    processSendString(uc, 'unnamed after named');
    await waitUntil(() => got.length > 0);
    out.p('udg got from uc', from(path2));
    got.clear();
    processSendString(udg, 'meant for uc');
    await waitUntil(() => got.length > 0);
    out.p(
      'who got the reply',
      (got.list ?? []).map((x) => (x as unknown[]).slice(0, 2)),
    );
    got.clear();
    out.p('set udg address to a short path', setProcessDatagramAddress(udg, '/x'));
    out.p('set udg address to an IPv4 vector', setProcessDatagramAddress(udg, vector(127, 0, 0, 1, 9)));
    await out.try('send to a path with no socket', () => {
      setProcessDatagramAddress(udg, ctx.tmpPath('nothing.sock'));
      return processSendString(udg, 'x');
    });
    out.p('udg status after the failed send', processStatus(udg));
    // prettier-ignore
    const uc2 = await mk(
      ':name', 'uc2', ':type', datagram, ':family', local, ':service', ctx.tmpPath('absent.sock'),
    );
    out.p('client to an absent path is created', processStatus(uc2));
    await out.try('send from it', () => processSendString(uc2, 'x'));
    deleteProcess(udg);
    out.p('socket file exists after delete-process', lispBool(existsSync(path)));
    await out.try('send to the stale socket file', () => processSendString(uc, 'x'));
    await out.try('re-create on the stale path', () =>
      mk(':name', 'udg3', ':type', datagram, ':family', local, ':service', path, ':server', t),
    );
    out.p('process-list', names(processList()));
  },
};

/**
 * E08: seqpacket servers, clients and children. Must run first in its own module registry:
 * the children are `sp <1>`, `sp <2>`… (see seqpacket.test.ts).
 */
export const seqpacket: Scenario = {
  name: 'seqpacket',
  async twin(out, ctx) {
    const log = new Events();
    const ev = new Events();
    const got = new Events();
    defun('lg', (s: NetworkProcess, c: NetworkProcess, m: string) => log.push([s, c, m]));
    defun('se', (pr: NetworkProcess, m: string) => ev.push([processName(pr), m, processStatus(pr)]));
    defun('rec', (pr: NetworkProcess, s: string) => got.push([processName(pr), s]));
    const seqpacketType = intern('seqpacket');
    const path = ctx.tmpPath('sp.sock');
    // prettier-ignore
    const sp = await mk(
      ':name', 'sp', ':type', seqpacketType, ':family', local, ':service', path, ':server', t,
      ':log', intern('lg'), ':sentinel', intern('se'), ':buffer', 'spbuf',
    );
    out.p('sp status', processStatus(sp));
    out.p('sp contact t', processContact(sp, t));
    out.p('sp contact nil', processContact(sp));
    out.p('sp datagram-address', processDatagramAddress(sp));
    out.p('socket file exists', lispBool(existsSync(path)));
    // prettier-ignore
    const spc = await mk(
      ':name', 'spc', ':type', seqpacketType, ':family', local, ':service', path, ':filter', intern('rec'),
      ':sentinel', intern('se'),
    );
    await waitUntil(() => childrenOf('sp').length === 1);
    const spc2 = await mk(':name', 'spc2', ':type', seqpacketType, ':remote', path, ':buffer', 'spc2buf');
    await waitUntil(() => childrenOf('sp').length === 2);
    out.p('spc status', processStatus(spc));
    out.p('spc contact t', processContact(spc, t));
    out.p('spc contact nil', processContact(spc));
    out.p('spc2 contact t', processContact(spc2, t));
    out.p('spc datagram-address', processDatagramAddress(spc));
    out.p('log', log.list);
    out.p('sentinel events', ev.list);
    ev.clear();
    for (const pr of [...childrenOf('sp')].reverse()) {
      const name = JSON.stringify(processName(pr));
      out.p(`child ${name} status`, processStatus(pr));
      out.p(`child ${name} contact t`, processContact(pr, t));
      out.p(`child ${name} contact nil`, processContact(pr));
      out.p(`child ${name} buffer`, processBuffer(pr));
    }
    out.p('process-list', names(processList()));
    const ch1 = getProcess('sp <1>') as NetworkProcess;
    setProcessFilter(ch1, intern('rec'));
    processSendString(spc, 'one');
    processSendString(spc, 'two');
    processSendString(spc, 'three');
    await waitUntil(() => got.length === 3);
    out.p('child got (one call per message)', got.list);
    got.clear();
    processSendString(ch1, 'back-1');
    processSendString(ch1, 'back-2');
    await waitUntil(() => got.length === 2);
    out.p('spc got', got.list);
    got.clear();
    processSendString(spc2, 'to-default');
    processSendString(spc2, '-filter');
    await waitUntil(() => bufferText('spbuf <2>') === 'to-default-filter');
    out.p('spbuf <2>', bufferText('spbuf <2>'));
    processSendString(getProcess('sp <2>'), 'reply');
    await waitUntil(() => bufferText('spc2buf') === 'reply');
    out.p('spc2buf', bufferText('spc2buf'));
    stopProcess(ch1);
    processSendString(spc, 's1');
    processSendString(spc, 's2');
    await settle(300);
    out.p('got while stopped', got.list);
    continueProcess(ch1);
    await waitUntil(() => got.length === 2);
    out.p('got after continue', got.list);
    got.clear();
    deleteProcess(spc);
    await waitUntil(() => ev.length > 0);
    await waitUntil(() => processStatus(ch1) !== intern('open'));
    out.p('events after spc deleted', ev.list);
    out.p('ch1 status', processStatus(ch1));
    out.p('ch1 exit status', processExitStatus(ch1));
    ev.clear();
    setProcessSentinel(spc2, intern('se'));
    deleteProcess(getProcess('sp <2>'));
    await waitUntil(() => (ev.list ?? []).some((e) => (e as unknown[])[0] === 'spc2'));
    out.p('events after sp <2> deleted', ev.list);
    out.p('spc2 status', processStatus(spc2));
    out.p('spc2buf at end', bufferText('spc2buf'));
    ev.clear();
    out.p('process-list at end', names(processList()));
    // prettier-ignore
    const spn = await mk(
      ':name', 'spn', ':type', seqpacketType, ':family', local, ':service', path, ':nowait', t,
      ':sentinel', intern('se'),
    );
    out.p('spn status immediately', processStatus(spn));
    await waitUntil(() => processStatus(spn) === intern('open') && childrenOf('sp').length === 1);
    // Sorted: the client's "open" and the child's "open from" arrive together (README).
    const byName = (a: unknown, b: unknown): number =>
      String((a as unknown[])[0]).localeCompare(String((b as unknown[])[0]));
    out.p('spn events', [...(ev.list ?? [])].sort(byName));
    out.p('spn contact t', processContact(spn, t));
    ev.clear();
    const ch3 = childOf('sp');
    await out.try('send empty string', () => processSendString(spn, ''));
    await settle(300);
    out.p('statuses after the empty send', [processStatus(spn), processStatus(ch3)]);
    out.p('events after the empty send', ev.list);
    ev.clear();
    await out.try('seqpacket inet server', () =>
      mk(':name', 'spi', ':type', seqpacketType, ':server', t, ':service', t),
    );
    await out.try('seqpacket inet client', () =>
      mk(':name', 'spic', ':type', seqpacketType, ':host', '127.0.0.1', ':service', 9),
    );
    await out.try('seqpacket client to absent path', () =>
      mk(':name', 'spa', ':type', seqpacketType, ':family', local, ':service', ctx.tmpPath('absent.sock')),
    );
    deleteProcess(sp);
    out.p('socket file exists after delete-process', lispBool(existsSync(path)));
  },
};

/**
 * False while 127.0.0.1:PORT (tcp or udp) is taken; the probe is closed at once. Any other
 * failure (EACCES when not root) counts as free: waiting would not change it.
 */
async function canBind(kind: 'tcp' | 'udp', port: number): Promise<boolean> {
  const free = (err: NodeJS.ErrnoException): boolean => err.code !== 'EADDRINUSE';
  if (kind === 'tcp') {
    const server = net.createServer();
    return new Promise((resolve) => {
      server.once('error', (err: NodeJS.ErrnoException) => resolve(free(err)));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  }
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve) => {
    socket.once('error', (err: NodeJS.ErrnoException) => {
      socket.close();
      resolve(free(err));
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/**
 * E24: :service names from /etc/services. Name lookups only, no traffic. The servers take
 * 127.0.0.1:80/tcp and 127.0.0.1:69/udp, as the Emacs half (run concurrently from beforeAll)
 * does: listed last, and it first waits until the Emacs half has let go of them.
 */
const serviceNames: Scenario = {
  name: 'service-names',
  async twin(out) {
    const deadline = Date.now() + 10000;
    while (!((await canBind('tcp', 80)) && (await canBind('udp', 69))) && Date.now() < deadline) {
      await settle(100);
    }
    // prettier-ignore
    out.p('dc domain', processContact(
      await mk(':name', 'dc1', ':type', datagram, ':host', '127.0.0.1', ':service', 'domain'), t));
    // prettier-ignore
    out.p('dc tftp', processContact(
      await mk(':name', 'dc2', ':type', datagram, ':host', '127.0.0.1', ':service', 'tftp'), t));
    out.p('dc tftp datagram-address', processDatagramAddress(getProcess('dc2')));
    await out.try('dc http (tcp only)', () =>
      mk(':name', 'dc3', ':type', datagram, ':host', '127.0.0.1', ':service', 'http'),
    );
    await out.try('dc unknown service', () =>
      mk(':name', 'dc4', ':type', datagram, ':host', '127.0.0.1', ':service', 'no-such-service'),
    );
    // prettier-ignore
    out.p('dc numeric string', processContact(
      await mk(':name', 'dc5', ':type', datagram, ':host', '127.0.0.1', ':service', '7'), ':remote'));
    // prettier-ignore
    out.p('dc empty string', processContact(
      await mk(':name', 'dc6', ':type', datagram, ':host', '127.0.0.1', ':service', ''), ':remote'));
    // prettier-ignore
    out.p('dc 70000', processContact(
      await mk(':name', 'dc7', ':type', datagram, ':host', '127.0.0.1', ':service', 70000), ':remote'));
    // prettier-ignore
    out.p('dc ipv6 domain', processContact(
      await mk(':name', 'dc8', ':type', datagram, ':host', '::1', ':service', 'domain'), ':remote'));
    await out.try('stream server http', async () => {
      const hs = await mk(':name', 'hs', ':server', t, ':host', '127.0.0.1', ':service', 'http');
      const contacts = [processContact(hs, t), processContact(hs)];
      deleteProcess(hs);
      return contacts;
    });
    await out.try('datagram server tftp', async () => {
      // prettier-ignore
      const ts = await mk(
        ':name', 'ts', ':type', datagram, ':server', t, ':host', '127.0.0.1', ':service', 'tftp',
      );
      const contacts = [processContact(ts, t), processContact(ts, ':service')];
      deleteProcess(ts);
      return contacts;
    });
    await out.try('stream server tftp (udp only)', () =>
      mk(':name', 'ts2', ':server', t, ':host', '127.0.0.1', ':service', 'tftp'),
    );
    await out.try('datagram server http (tcp only)', () =>
      mk(':name', 'hs2', ':type', datagram, ':server', t, ':host', '127.0.0.1', ':service', 'http'),
    );
    await out.try('stream server unknown service', () =>
      mk(':name', 'us', ':server', t, ':host', '127.0.0.1', ':service', 'no-such-service'),
    );
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
  datagramIpv6,
  datagramLocal,
  // Last: it waits for the Emacs half to free ports 80 and 69 (see serviceNames).
  serviceNames,
];
