import {
  acceptProcessOutput,
  continueProcess,
  deleteProcess,
  getBuffer,
  getProcess,
  insert,
  interruptProcess,
  intern,
  killBuffer,
  killProcess,
  markerPosition,
  NetworkProcess,
  pointMax,
  processBuffer,
  processCodingSystem,
  processCommand,
  processContact,
  processExitStatus,
  processFilter,
  processGet,
  processId,
  processList,
  processLiveP,
  processMark,
  processName,
  processPut,
  processQueryOnExitFlag,
  processRunningChildP,
  processSendEof,
  processSendRegion,
  processSendString,
  processSentinel,
  processStatus,
  processTtyName,
  processType,
  quitProcess,
  setProcessFilter,
  signalProcess,
  stopProcess,
  t,
  withTempBuffer,
} from '../../../src';
import { bufferText, Events, names, settle, Scenario, waitUntil } from '../twin';
import { pipeProcess } from './subprocess-signals';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const subDefaultSentinel: Scenario = {
  name: 'sub-default-sentinel',
  async twin(out) {
    for (const cmd of [
      'echo out; echo err >&2',
      'printf partial; exit 2',
      'kill -9 $$',
      'kill -15 $$',
      'read x',
    ]) {
      const p = pipeProcess(':name', 'd', ':command', ['sh', '-c', cmd], ':buffer', 'db');
      if (cmd === 'read x') processSendString(p, 'line\n');
      await waitUntil(() => processLiveP(p) === null);
      await waitUntil(() => text(bufferText('db')).includes('Process'));
      out.p(cmd, bufferText('db'));
      out.p(`${cmd}: mark`, markerPosition(processMark(p)));
      killBuffer('db');
    }
  },
};

const subCat: Scenario = {
  name: 'sub-cat',
  async twin(out) {
    const p = pipeProcess(':name', 'cat', ':command', ['cat'], ':buffer', 'cb');
    out.p('send', processSendString(p, 'hello\n'));
    await waitUntil(() => bufferText('cb') === 'hello\n');
    out.p('echoed', bufferText('cb'));
    withTempBuffer(() => {
      insert('region text\n');
      out.p('send-region', processSendRegion(p, 1, pointMax()));
    });
    await waitUntil(() => bufferText('cb') === 'hello\nregion text\n');
    out.p('echoed region', bufferText('cb'));
    out.p('send empty', processSendString(p, ''));
    out.p('send-eof', processSendEof(p));
    await waitUntil(() => processLiveP(p) === null);
    await waitUntil(() => text(bufferText('cb')).includes('finished'));
    out.p('after eof', bufferText('cb'));
    out.p('status', [processStatus(p), processExitStatus(p)]);
    await out.try('send after exit', () => processSendString(p, 'x'));
    await out.try('eof after exit', () => processSendEof(p));
  },
};

const subFilter: Scenario = {
  name: 'sub-filter',
  async twin(out) {
    const got: string[] = [];
    const events = new Events();
    // prettier-ignore
    const p = pipeProcess(':name', 'f', ':command', ['sh', '-c', "printf 'a\\nb\\n'; read x; printf '%s!' \"$x\""],
      ':buffer', 'fb',
      ':filter', (proc: NetworkProcess, chunk: string) => got.push(chunk) && processName(proc),
      ':sentinel', (proc: NetworkProcess, e: string) => events.push([processName(proc), e, processStatus(proc)]));
    await waitUntil(() => got.join('') === 'a\nb\n');
    out.p('first output', got.join(''));
    processSendString(p, 'reply\n');
    await waitUntil(() => events.length > 0);
    out.p('all output', got.join(''));
    out.p('events', events.list);
    out.p('buffer untouched', bufferText('fb'));
    out.p('filter', typeof processFilter(p) === 'function' ? t : null);
    setProcessFilter(p, null);
    out.p('filter reset', processFilter(p));
  },
};

const subAccessors: Scenario = {
  name: 'sub-accessors',
  async twin(out) {
    const p = pipeProcess(':name', 'acc', ':command', ['sleep', '10'], ':buffer', 'ab');
    out.p('type', processType(p));
    out.p('command', processCommand(p));
    out.p('contact', processContact(p));
    out.p('contact t', processContact(p, t));
    out.p('contact :name', processContact(p, ':name'));
    out.p('tty', processTtyName(p));
    out.p('id', Number.isInteger(processId(p)) ? t : null);
    out.p('coding', processCodingSystem(p));
    out.p('query', processQueryOnExitFlag(p));
    out.p('filter', processFilter(p));
    out.p('sentinel', processSentinel(p));
    out.p('buffer', processBuffer(p));
    out.p('mark', markerPosition(processMark(p)));
    out.p('name', processName(p));
    out.p('get-process', getProcess('acc') === p ? t : null);
    out.p('running child', processRunningChildP(p));
    const q = pipeProcess(':name', 'acc', ':command', ['sleep', '10'], ':noquery', t);
    out.p('second name', processName(q));
    out.p('noquery', processQueryOnExitFlag(q));
    out.p('list', names(processList()));
    out.p('status by name', processStatus('acc<1>'));
    out.p('type by buffer', processType('ab'));
    out.p('plist', processPut(p, intern('k'), 1));
    out.p('get', processGet(p, intern('k')));
    deleteProcess(p);
    deleteProcess(q);
    await out.try('running child after', () => processRunningChildP(p));
    out.p('list after', processList());
  },
};

const subDelete: Scenario = {
  name: 'sub-delete',
  async twin(out) {
    const events = new Events();
    // prettier-ignore
    const p = pipeProcess(':name', 'del', ':command', ['sleep', '10'],
      ':sentinel', (proc: NetworkProcess, e: string) => events.push([e, processStatus(proc), processExitStatus(proc)]));
    out.p('delete', deleteProcess(p));
    out.p('events at once', events.list);
    out.p('status', [processStatus(p), processExitStatus(p), processLiveP(p)]);
    out.p('list', processList());
    await settle(200);
    out.p('events later', events.list);
    const done = new Events();
    // prettier-ignore
    const q = pipeProcess(':name', 'done', ':command', ['true'], ':sentinel', (_p: unknown, e: string) => done.push(e));
    await waitUntil(() => done.length > 0);
    out.p('exited', done.list);
    out.p('delete exited', deleteProcess(q));
    out.p('no second event', done.list);
    out.p('status kept', [processStatus(q), processExitStatus(q)]);
    const hup = new Events();
    // prettier-ignore
    const r = pipeProcess(':name', 'kb', ':command', ['sleep', '10'], ':buffer', 'kbuf', ':noquery', t,
      ':sentinel', (_p: unknown, e: string) => hup.push(e));
    killBuffer('kbuf');
    out.p('killing its buffer', processList());
    await waitUntil(() => hup.length > 0);
    out.p('then', [hup.list, processStatus(r), processExitStatus(r), processList()]);
  },
};

/** `events` as the Emacs scripts push them: newest first. */
const newestFirst = (events: Events): unknown[] | null =>
  events.list === null ? null : [...events.list].reverse();

const subStopContinue: Scenario = {
  name: 'sub-stop-continue',
  async twin(out) {
    const events = new Events();
    // prettier-ignore
    const p = pipeProcess(':name', 'sc', ':command', ['sh', '-c', 'while read x; do echo "got $x"; done'],
      ':buffer', 'scb', ':sentinel', (_p: unknown, e: string) => events.push(e));
    out.p('stop', stopProcess(p));
    out.p('status', processStatus(p));
    out.p('command', processCommand(p));
    await settle(100);
    out.p('events', newestFirst(events));
    out.p('continue', continueProcess(p));
    out.p('events after continue', newestFirst(events));
    processSendString(p, 'one\n');
    await waitUntil(() => bufferText('scb') === 'got one\n');
    out.p('output after continue', bufferText('scb'));
    out.p('stop by name', stopProcess('sc'));
    out.p('continue by buffer', continueProcess(getBuffer('scb')));
    out.p('events', newestFirst(events));
    processSendEof(p);
    await waitUntil(() => events.length > 2);
    out.p('events at exit', newestFirst(events));
    await out.try('stop exited', () => stopProcess(p));
    await out.try('continue exited', () => continueProcess(p));
    out.p('events in the end', newestFirst(events));
  },
};

const subDead: Scenario = {
  name: 'sub-dead',
  async twin(out) {
    const events = new Events();
    // prettier-ignore
    const p = pipeProcess(':name', 'dead', ':command', ['true'], ':sentinel', (_p: unknown, e: string) => events.push(e));
    await waitUntil(() => events.length > 0);
    await out.try('kill-process', () => killProcess(p));
    await out.try('interrupt-process', () => interruptProcess(p));
    await out.try('quit-process', () => quitProcess(p));
    await out.try('signal-process', () => signalProcess(p, intern('SIGTERM')));
    await out.try('send-string', () => processSendString(p, 'x'));
    await out.try('send-eof', () => processSendEof(p));
    await out.try('running child', () => processRunningChildP(p));
    await out.try('status', () => processStatus(p));
    await out.try('exit status', () => processExitStatus(p));
    await out.try('command', () => processCommand(p));
    await out.try('type', () => processType(p));
    await out.try('accept-process-output', () => acceptProcessOutput(p, 0.1));
    await out.try('delete', () => deleteProcess(p));
    await out.try('status after delete', () => processStatus(p));
  },
};

export const subprocessIoScenarios: readonly Scenario[] = [
  subDefaultSentinel,
  subCat,
  subFilter,
  subAccessors,
  subDelete,
  subStopContinue,
  subDead,
];
