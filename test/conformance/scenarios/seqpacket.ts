import { existsSync } from 'node:fs';
import {
  NetworkProcess,
  continueProcess,
  defun,
  deleteProcess,
  getProcess,
  intern,
  processBuffer,
  processContact,
  processDatagramAddress,
  processExitStatus,
  processList,
  processName,
  processSendString,
  processStatus,
  setProcessFilter,
  setProcessSentinel,
  stopProcess,
  t,
} from '../../../src';
import {
  Events,
  Scenario,
  bufferText,
  childOf,
  childrenOf,
  lispBool,
  mk,
  names,
  settle,
  waitUntil,
} from '../twin';

const local = intern('local');

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
