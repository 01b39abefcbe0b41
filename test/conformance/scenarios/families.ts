import { existsSync, unlinkSync } from 'node:fs';
import {
  NetworkProcess,
  defun,
  deleteProcess,
  featurep,
  getProcess,
  intern,
  prin1ToString,
  processBuffer,
  processContact,
  processList,
  processName,
  processSendString,
  processStatus,
  t,
  vector,
} from '../../../src';
import {
  Events,
  Scenario,
  bufferText,
  childrenOf,
  lispBool,
  mk,
  names,
  peerChild,
  thePeerChild,
  waitUntil,
} from '../twin';
import { EMACS_OPTION_KEYWORDS } from '../../support/option-keywords';

const local = intern('local');

/** Must run before anything else accepts in this module registry: the children are `us <1>`… */
export const unixSockets: Scenario = {
  name: 'unix-sockets',
  async twin(out, ctx) {
    const log = new Events();
    const ev = new Events();
    defun('lg', (s: NetworkProcess, c: NetworkProcess, m: string) => log.push([s, c, m]));
    defun('se', (pr: NetworkProcess, m: string) => ev.push([processName(pr), m, processStatus(pr)]));
    const path = ctx.tmpPath('us.sock');
    // prettier-ignore
    const us = await mk(
      ':name', 'us', ':family', local, ':service', path, ':server', t, ':log', intern('lg'),
      ':sentinel', intern('se'), ':buffer', 'usbuf',
    );
    out.p('us status', processStatus(us));
    out.p('us contact t', processContact(us, t));
    out.p('us contact nil', processContact(us));
    out.p('us :local', processContact(us, ':local'));
    out.p('us :remote', processContact(us, ':remote'));
    out.p('socket file exists', lispBool(existsSync(path)));
    const uc = await mk(':name', 'uc', ':family', local, ':service', path, ':buffer', 'ucbuf');
    await waitUntil(() => childrenOf('us').length === 1);
    const uc2 = await mk(':name', 'uc2', ':remote', path);
    await waitUntil(() => childrenOf('us').length === 2);
    out.p('uc status', processStatus(uc));
    out.p('uc contact t', processContact(uc, t));
    out.p('uc contact nil', processContact(uc));
    out.p('uc2 contact t', processContact(uc2, t));
    out.p('uc2 contact nil', processContact(uc2));
    out.p('log', log.list);
    out.p('sentinel events', ev.list);
    ev.clear();
    for (const pr of [...childrenOf('us')].reverse()) {
      const name = JSON.stringify(processName(pr));
      out.p(`child ${name} contact t`, processContact(pr, t));
      out.p(`child ${name} contact nil`, processContact(pr));
      out.p(`child ${name} buffer`, processBuffer(pr));
    }
    processSendString(uc, 'ping');
    await waitUntil(() => bufferText('usbuf <1>') === 'ping');
    out.p('usbuf <1>', bufferText('usbuf <1>'));
    processSendString(getProcess('us <1>'), 'pong');
    await waitUntil(() => bufferText('ucbuf') === 'pong');
    out.p('ucbuf', bufferText('ucbuf'));
    const un = await mk(
      ':name',
      'un',
      ':nowait',
      t,
      ':family',
      local,
      ':service',
      path,
      ':sentinel',
      intern('se'),
    );
    out.p('un status immediately', processStatus(un));
    await waitUntil(() => processStatus(un) === intern('open') && childrenOf('us').length === 3);
    // Sorted: the client's "open" and its server's "open from" arrive together, and Node may
    // report them in the other order (README, "Differences from Emacs").
    const byName = (a: unknown, b: unknown): number =>
      String((a as unknown[])[0]).localeCompare(String((b as unknown[])[0]));
    out.p('un events', [...(ev.list ?? [])].sort(byName));
    out.p('un contact t', processContact(un, t));
    ev.clear();
    deleteProcess(uc2);
    await waitUntil(() => childrenOf('us').length === 2);
    out.p('events after uc2 deleted', ev.list);
    out.p('process-list', names(processList()));
    deleteProcess(us);
    out.p('socket file exists after delete-process', lispBool(existsSync(path)));
    await out.try('re-create server on existing path', () =>
      mk(':name', 'us2', ':family', local, ':service', path, ':server', t),
    );
    await out.try('client to stale path', () => mk(':name', 'uc3', ':family', local, ':service', path));
    unlinkSync(path);
    const us3 = await mk(':name', 'us3', ':family', local, ':service', path, ':server', t);
    out.p('server again after deleting the file', processStatus(us3));
    out.p(
      'children of the first server still open',
      childrenOf('us').map((child) => processStatus(child)),
    );
  },
};

/** Must run first in its own module registry too: it counts accepts from one. */
export const acceptCounter: Scenario = {
  name: 'accept-counter',
  async twin(out, ctx) {
    const srv = await mk(':name', 'srv', ':server', t, ':service', t);
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'));
    await waitUntil(() => peerChild('srv', c));
    await mk(':name', 'us', ':server', t, ':family', local, ':service', ctx.tmpPath('count.sock'));
    await mk(':name', 'uc', ':family', local, ':service', ctx.tmpPath('count.sock'));
    await waitUntil(() => childrenOf('us').length > 0);
    const c2 = await mk(':name', 'c2', ':host', '127.0.0.1', ':service', processContact(srv, ':service'));
    await waitUntil(() => peerChild('srv', c2));
    await mk(':name', 'uc2', ':family', local, ':service', ctx.tmpPath('count.sock'));
    await waitUntil(() => childrenOf('us').length === 2);
    out.p('child names (global accept counter)', names(processList()));
    await mk(':name', 'us <5>', ':server', t, ':family', local, ':service', ctx.tmpPath('taken.sock'));
    await mk(':name', 'uc3', ':family', local, ':service', ctx.tmpPath('count.sock'));
    await waitUntil(() => childrenOf('us').length === 4);
    out.p('names after a collision', names(processList()));
  },
};

const ipv6: Scenario = {
  name: 'ipv6',
  async twin(out) {
    const s6 = await mk(':name', 's6', ':server', t, ':service', t, ':host', '::1');
    out.p('s6 contact nil', processContact(s6));
    out.p('s6 contact t', processContact(s6, t));
    out.p('s6 :local', processContact(s6, ':local'));
    const s6b = await mk(':name', 's6b', ':server', t, ':service', t, ':family', intern('ipv6'));
    out.p('s6b contact t', processContact(s6b, t));
    const s6c = await mk(
      ':name',
      's6c',
      ':server',
      t,
      ':service',
      t,
      ':host',
      local,
      ':family',
      intern('ipv6'),
    );
    out.p('s6c contact nil', processContact(s6c));
    out.p('s6c :local', processContact(s6c, ':local'));
    const s6d = await mk(':name', 's6d', ':server', t, ':local', vector(0, 0, 0, 0, 0, 0, 0, 1, 0));
    out.p('s6d contact t', processContact(s6d, t));
    const port = processContact(s6, ':service') as number;
    const c6 = await mk(':name', 'c6', ':host', '::1', ':service', port, ':buffer', 'c6buf');
    out.p('c6 contact t', processContact(c6, t));
    out.p('c6 contact nil', processContact(c6));
    await waitUntil(() => peerChild('s6', c6));
    const ch = thePeerChild('s6', c6);
    out.p('child :remote', processContact(ch, ':remote'));
    out.p('child :local', processContact(ch, ':local'));
    out.p('child :service', [intern(':service'), processContact(ch, ':service')]);
    out.p('child :server', processContact(ch, ':server'));
    out.p('child status', processStatus(ch));
    processSendString(c6, 'hello6');
    await waitUntil(() => bufferText(processBuffer(ch)) === 'hello6');
    out.p('child buffer text', bufferText(processBuffer(ch)));
    processSendString(ch, 'back6');
    await waitUntil(() => bufferText('c6buf') === 'back6');
    out.p('c6buf', bufferText('c6buf'));
    const c7 = await mk(':name', 'c7', ':host', local, ':family', intern('ipv6'), ':service', port);
    out.p('c7 contact t', processContact(c7, t));
    out.p('c7 contact nil', processContact(c7));
    await waitUntil(() => peerChild('s6', c7));
    const c8 = await mk(':name', 'c8', ':remote', vector(0, 0, 0, 0, 0, 0, 0, 1, port));
    out.p('c8 contact t', processContact(c8, t));
    await waitUntil(() => peerChild('s6', c8));
    await out.try('c9 ipv6 localhost (no ::1 localhost in /etc/hosts)', () =>
      mk(':name', 'c9', ':host', 'localhost', ':family', intern('ipv6'), ':service', 1),
    );
    await out.try('c10 refused over ipv6', () => mk(':name', 'c10', ':host', '::1', ':service', 1));
    const n6 = await mk(':name', 'n6', ':nowait', t, ':host', '::1', ':service', port);
    await waitUntil(() => processStatus(n6) === intern('open'));
    out.p('n6 contact t', processContact(n6, t));
    await waitUntil(() => peerChild('s6', n6));
    out.p('number of s6 children', childrenOf('s6').length);
  },
};

const features: Scenario = {
  name: 'features',
  async twin(out) {
    const mnp = intern('make-network-process');
    out.p('featurep make-network-process', featurep(mnp));
    const subfeatures: unknown[] = [
      [intern(':nowait'), t],
      [intern(':type'), intern('datagram')],
      [intern(':type'), intern('seqpacket')],
      [intern(':family'), intern('local')],
      [intern(':family'), intern('ipv4')],
      [intern(':family'), intern('ipv6')],
      [intern(':service'), t],
      [intern(':server'), t],
      ...EMACS_OPTION_KEYWORDS.map((name) => intern(name)),
      [intern(':server'), 5],
      [intern(':type'), intern('stream')],
      [intern(':family'), null],
      intern(':tls-parameters'),
      [intern(':nowait'), null],
      intern(':name'),
    ];
    for (const f of subfeatures) out.p(`featurep ${prin1ToString(f)}`, featurep(mnp, f as never));
  },
};

export const familyScenarios: readonly Scenario[] = [ipv6, features];
