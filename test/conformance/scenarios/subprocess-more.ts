import {
  acceptProcessOutput,
  continueProcess,
  deleteProcess,
  getBufferCreate,
  getProcess,
  insert,
  interruptProcess,
  intern,
  killBuffer,
  killProcess,
  makeProcess,
  markerBuffer,
  markerPosition,
  NetworkProcess,
  processBuffer,
  processExitStatus,
  processList,
  processLiveP,
  processMark,
  processName,
  processPlist,
  processPut,
  processQueryOnExitFlag,
  processRunningChildP,
  processSendString,
  processStatus,
  setProcessBuffer,
  setProcessQueryOnExitFlag,
  startProcess,
  stopProcess,
  t,
  withCurrentBuffer,
} from '../../../src';
import { bufferProcess } from '../../../src/process/core/designators';
import { bufferText, Events, names, settle, Scenario, waitUntil } from '../twin';
import { pipeProcess } from './subprocess-signals';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const pty = intern('pty');
/** `events` as the Emacs scripts push them: newest first. */
const newestFirst = (events: Events): unknown[] | null =>
  events.list === null ? null : [...events.list].reverse();

const subAcceptOutput: Scenario = {
  name: 'sub-accept-output',
  async twin(out) {
    const got: string[] = [];
    // prettier-ignore
    const p = pipeProcess(':name', 'ao', ':command', ['sh', '-c', 'read x; echo "$x"; read y; exit 0'],
      ':filter', (_p: unknown, s: string) => got.unshift(s));
    out.p('nothing yet', await acceptProcessOutput(p, 0.2));
    processSendString(p, 'one\n');
    out.p('output arrives', (await waitUntil(() => acceptProcessOutput(p, 1))) ? t : null);
    out.p('got', got);
    processSendString(p, 'two\n');
    await waitUntil(() => processLiveP(p) === null);
    out.p('after exit', await acceptProcessOutput(p, 0.1));
    out.p('status', processStatus(p));
    const q = pipeProcess(
      ':name',
      'ex',
      ':command',
      ['sh', '-c', 'echo a; sleep 0.2; echo b'],
      ':buffer',
      'exb',
    );
    pipeProcess(':name', 'other', ':command', ['sh', '-c', 'echo other'], ':buffer', 'otherb');
    out.p('just-this-one', (await waitUntil(() => acceptProcessOutput(q, 1, null, t))) ? t : null);
    await waitUntil(() => text(bufferText('exb')).includes('finished'));
    await waitUntil(() => text(bufferText('otherb')).includes('finished'));
    out.p('both buffers', [bufferText('exb'), bufferText('otherb')]);
  },
};

const subNames: Scenario = {
  name: 'sub-names',
  async twin(out) {
    const a = pipeProcess(':name', 'n', ':command', ['sleep', '10'], ':buffer', 'nb', ':noquery', t);
    const b = pipeProcess(':name', 'n', ':command', ['sleep', '10'], ':noquery', t);
    const c = startProcess('n', null, 'sleep', '10');
    out.p('names', names([a, b, c]));
    out.p('process-list', names(processList()));
    out.p('get-process', getProcess('n<2>') === c ? t : null);
    out.p('get-buffer-process', bufferProcess(getBufferCreate('nb')) === a ? t : null);
    out.p('buffer of b', processBuffer(b));
    out.p('buffer of c', processBuffer(c));
    deleteProcess(b);
    const d = pipeProcess(':name', 'n', ':command', ['sleep', '10']);
    out.p('name reused', processName(d));
    out.p('set-process-buffer', setProcessBuffer(d, getBufferCreate('db')));
    out.p('mark', [markerBuffer(processMark(d)), markerPosition(processMark(d))]);
    withCurrentBuffer('db', () => insert('before'));
    const e = pipeProcess(':name', 'out', ':command', ['sh', '-c', 'echo hi'], ':buffer', 'db');
    await waitUntil(() => text(bufferText('db')).includes('finished'));
    out.p('text', bufferText('db'));
    out.p('mark after output', markerPosition(processMark(e)));
    out.p(
      'query flags',
      [a, c, d].map((proc) => processQueryOnExitFlag(proc)),
    );
    out.p('set-process-query-on-exit-flag', setProcessQueryOnExitFlag(c, null));
    processPut(a, intern('x'), 1);
    out.p('plist', processPlist(a));
    for (const proc of [a, c, d]) deleteProcess(proc);
    out.p('list at end', processList());
  },
};

const subPtySignals: Scenario = {
  name: 'sub-pty-signals',
  async twin(out) {
    const events = new Events();
    const record = (_p: NetworkProcess, e: string): void => events.push(e);
    // prettier-ignore
    const p = makeProcess(':name', 'ps', ':command', ['sh', '-c', 'echo ready; sleep 10; echo after'],
      ':connection-type', pty, ':buffer', 'psb', ':sentinel', record);
    await waitUntil(() => text(bufferText('psb')).includes('ready'));
    await settle(100);
    out.p('interrupt', interruptProcess(p));
    await waitUntil(() => events.length > 0);
    out.p('events', newestFirst(events));
    out.p('status', [processStatus(p), processExitStatus(p)]);
    events.clear();
    // prettier-ignore
    const q = makeProcess(':name', 'q', ':command', ['sh', '-c', "trap 'echo hup; exit 3' HUP; echo ready; while :; do sleep 0.05; done"],
      ':connection-type', pty, ':buffer', 'qb', ':noquery', t, ':sentinel', record);
    await waitUntil(() => text(bufferText('qb')).includes('ready'));
    killBuffer('qb');
    await waitUntil(() => events.length > 0);
    out.p('killing its buffer', [newestFirst(events), processStatus(q), processExitStatus(q)]);
    events.clear();
    // prettier-ignore
    const r = makeProcess(':name', 'r', ':command', ['cat'], ':connection-type', pty, ':buffer', 'rb', ':sentinel', record);
    out.p('stop', stopProcess(r));
    out.p('continue', continueProcess(r));
    out.p('events', newestFirst(events));
    processSendString(r, 'x\n');
    await waitUntil(() => bufferText('rb') === 'x\n');
    out.p('cat', bufferText('rb'));
    out.p('kill', killProcess(r));
    await waitUntil(() => events.length > 1);
    out.p('events at the end', newestFirst(events));
  },
};

const subGrandchild: Scenario = {
  name: 'sub-grandchild',
  async twin(out) {
    const events: unknown[] = [];
    const start = Date.now();
    // prettier-ignore
    const p = pipeProcess(':name', 'g', ':command', ['sh', '-c', '(sleep 1; echo late) & echo hi'], ':buffer', 'gb',
      ':sentinel', (_p: unknown, e: string) => events.unshift([e, Date.now() - start < 800 ? t : null]));
    await waitUntil(() => events.length > 0);
    out.p('the exit is reported at once', events);
    out.p('status', [processStatus(p), processExitStatus(p)]);
    await settle(1500);
    out.p('the late output is not read', bufferText('gb'));
  },
};

const subCurrentGroup: Scenario = {
  name: 'sub-current-group',
  async twin(out) {
    for (const group of [t, null]) {
      const events: string[] = [];
      const label = group === null ? 'nil' : 't';
      const buffer = `cg-${label}`;
      // prettier-ignore
      const p = makeProcess(':name', 'cg', ':command', ['sh', '-c', 'set -m; echo ready; sleep 3; echo "rc $?"'],
        ':connection-type', pty, ':buffer', buffer, ':sentinel', (_p: unknown, e: string) => events.unshift(e));
      await waitUntil(() => text(bufferText(buffer)).includes('ready'));
      await settle(200);
      out.p(`${label}: a job in the foreground`, typeof processRunningChildP(p) === 'number' ? t : null);
      out.p(`${label}: interrupt`, interruptProcess(p, group));
      await waitUntil(() => events.length > 0, 1);
      out.p(`${label}: then`, [events.length === 0 ? null : events, bufferText(buffer)]);
      deleteProcess(p);
    }
  },
};

export const subprocessMoreScenarios: readonly Scenario[] = [
  subAcceptOutput,
  subNames,
  subPtySignals,
  subGrandchild,
  subCurrentGroup,
];
