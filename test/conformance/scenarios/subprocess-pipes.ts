import {
  continueProcess,
  deleteProcess,
  getBufferCreate,
  getProcess,
  intern,
  makePipeProcess,
  NetworkProcess,
  processBuffer,
  processCodingSystem,
  processCommand,
  processContact,
  processExitStatus,
  processId,
  processList,
  processLiveP,
  processName,
  processQueryOnExitFlag,
  processSendEof,
  processSendString,
  processStatus,
  processType,
  stopProcess,
  t,
} from '../../../src';
import { bufferProcess } from '../../../src/process/core/designators';
import { bufferText, Events, names, settle, Scenario, waitUntil } from '../twin';
import { pipeProcess } from './subprocess-signals';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const subPipeProcess: Scenario = {
  name: 'sub-pipe-process',
  async twin(out) {
    const pp = makePipeProcess(':name', 'self');
    out.p('type', processType(pp));
    out.p('status', processStatus(pp));
    out.p('buffer', processBuffer(pp));
    out.p('contact', processContact(pp, t));
    out.p('id', processId(pp));
    out.p('command', processCommand(pp));
    out.p('coding', processCodingSystem(pp));
    out.p('query', processQueryOnExitFlag(pp));
    out.p('send', processSendString(pp, 'hello'));
    await settle(100);
    out.p('nothing comes back', bufferText(processBuffer(pp)));
    out.p('stop', stopProcess(pp));
    out.p('stopped', [processStatus(pp), processCommand(pp)]);
    out.p('continue', continueProcess(pp));
    out.p('eof', processSendEof(pp));
    await settle(100);
    out.p('after eof', [processStatus(pp), processExitStatus(pp)]);
    const events = new Events();
    // prettier-ignore
    const pd = makePipeProcess(':name', 'pd', ':buffer', 'pdb', ':noquery', t,
      ':sentinel', (_p: unknown, e: string) => events.push(e));
    out.p('contact pd', [processContact(pd, ':buffer'), processContact(pd, ':noquery')]);
    out.p('noquery', processQueryOnExitFlag(pd));
    out.p('delete', deleteProcess(pd));
    out.p('deleted', [events.list, processStatus(pd), processExitStatus(pd)]);
    await out.try('no name', () => makePipeProcess(':buffer', 'x'));
    await out.try('stop t', () => processStatus(makePipeProcess(':name', 'st', ':stop', t)));
    out.p('stop t command', processCommand(getProcess('st')));
    await out.try('stop by name', () => stopProcess('st'));
    out.p('list', names(processList()));
  },
};

const subStderr: Scenario = {
  name: 'sub-stderr',
  async twin(out) {
    const events: string[] = [];
    // prettier-ignore
    const pp = makePipeProcess(':name', 'pp', ':buffer', 'ppb', ':sentinel', () => events.push('pp'));
    // prettier-ignore
    pipeProcess(':name', 'e', ':command', ['sh', '-c', 'echo err >&2; echo out'],
      ':buffer', 'eb', ':stderr', pp, ':sentinel', () => events.push('e'));
    await waitUntil(() => events.length === 2);
    out.p(
      'events',
      [...events].sort().map((name) => intern(name)),
    );
    out.p('out', bufferText('eb'));
    out.p('err', bufferText('ppb'));
    out.p('pipe after', [processStatus(pp), processExitStatus(pp), processLiveP(pp)]);
    await out.try('send to it after', () => processSendString(pp, 'x'));
    // prettier-ignore
    const q = pipeProcess(':name', 'e3', ':command', ['sh', '-c', 'echo err >&2; echo out'],
      ':buffer', 'e3b', ':stderr', 'e3err');
    out.p('list', names(processList()));
    const sp = bufferProcess(getBufferCreate('e3err')) as NetworkProcess;
    out.p('stderr process', [
      processName(sp),
      processType(sp),
      processQueryOnExitFlag(sp),
      processStatus(sp),
    ]);
    out.p('stderr contact', processContact(sp, t));
    await waitUntil(() => processLiveP(q) === null);
    await waitUntil(() => text(bufferText('e3err')).includes('finished'));
    await waitUntil(() => text(bufferText('e3b')).includes('finished'));
    out.p('out', bufferText('e3b'));
    out.p('err', bufferText('e3err'));
    out.p('list after', processList());
    const b = getBufferCreate('eobj');
    // prettier-ignore
    pipeProcess(':name', 'r', ':command', ['sh', '-c', 'echo only-err >&2'], ':stderr', b, ':noquery', t);
    out.p('noquery stderr', processQueryOnExitFlag(bufferProcess(b)));
    await waitUntil(() => text(bufferText(b)).includes('finished'));
    out.p('err buffer object', bufferText(b));
    await out.try('stderr a number', () => pipeProcess(':name', 'bs', ':command', ['true'], ':stderr', 5));
    // prettier-ignore
    await out.try('stderr a symbol', () => pipeProcess(':name', 'bs', ':command', ['true'], ':stderr', intern('foo')));
    out.p('list at end', processList());
  },
};

export const subprocessPipeScenarios: readonly Scenario[] = [subPipeProcess, subStderr];
