import {
  intern,
  killProcess,
  interruptProcess,
  makeProcess,
  NetworkProcess,
  processExitStatus,
  processLiveP,
  processSendString,
  processStatus,
  quitProcess,
  signalProcess,
  startProcess,
  deleteProcess,
  getBufferCreate,
  lispFloat,
  processList,
} from '../../../src';
import { bufferText, Events, inProcessList, settle, Scenario, waitUntil } from '../twin';

const pipe = intern('pipe');

/** make-process on pipes (the twins' Emacs scripts say `:connection-type 'pipe`). */
export function pipeProcess(...args: unknown[]): NetworkProcess {
  return makeProcess(...args, ':connection-type', pipe);
}

const subArguments: Scenario = {
  name: 'sub-arguments',
  async twin(out) {
    await out.try('missing program', () => pipeProcess(':name', 'm', ':command', ['no-such-prog-xyz']));
    await out.try('start-process missing', () => startProcess('m', null, 'no-such-prog-xyz'));
    await out.try('list type', () =>
      makeProcess(':name', 'm', ':command', ['true'], ':connection-type', [pipe, intern('pty')]),
    );
    await out.try('unknown type', () =>
      makeProcess(':name', 'm', ':command', ['true'], ':connection-type', intern('foo')),
    );
    await out.try('stop t', () => pipeProcess(':name', 'm', ':command', ['true'], ':stop', true));
    await out.try('no name', () => pipeProcess(':command', ['true']));
    await out.try('name a symbol', () => pipeProcess(':name', intern('m'), ':command', ['true']));
    await out.try('command a string', () => pipeProcess(':name', 'm', ':command', 'true'));
    await out.try('command of a number', () => pipeProcess(':name', 'm', ':command', [1]));
    await out.try('argument a number', () => pipeProcess(':name', 'm', ':command', ['true', 1]));
    out.p('processes left', processList());
  },
};

const subExitCodes: Scenario = {
  name: 'sub-exit-codes',
  async twin(out) {
    for (const code of [0, 1, 3, 255]) {
      const events = new Events();
      // prettier-ignore
      const p = pipeProcess(':name', 'e', ':command', ['sh', '-c', `read x; exit ${code}`],
        ':sentinel', (_p: unknown, e: string) => events.push(e));
      out.p(`${code}: status at once`, processStatus(p));
      out.p(`${code}: live`, processLiveP(p));
      processSendString(p, 'go\n');
      await waitUntil(() => events.length > 0);
      out.p(`${code}: events`, events.list);
      out.p(`${code}: status`, processStatus(p));
      out.p(`${code}: exit status`, processExitStatus(p));
      out.p(`${code}: live after`, processLiveP(p));
      out.p(`${code}: in process-list`, inProcessList(p));
    }
  },
};

const subSignalDeaths: Scenario = {
  name: 'sub-signal-deaths',
  async twin(out) {
    for (const sig of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 31]) {
      const events = new Events();
      // prettier-ignore
      const p = pipeProcess(':name', 's', ':command', ['sh', '-c', `ulimit -c 0; kill -${sig} $$`],
        ':sentinel', (_p: unknown, e: string) => events.push(e));
      await waitUntil(() => events.length > 0);
      out.p(`signal ${sig}`, [events.list, processStatus(p), processExitStatus(p)]);
    }
  },
};

const subSignalFunctions: Scenario = {
  name: 'sub-signal-functions',
  async twin(out) {
    const runAndSignal = async (label: string, fn: (p: NetworkProcess) => unknown): Promise<void> => {
      const events = new Events();
      // prettier-ignore
      const p = pipeProcess(':name', 'k', ':command', ['sleep', '10'],
        ':sentinel', (_p: unknown, e: string) => events.push(e));
      out.p(`${label}: returns`, fn(p));
      await waitUntil(() => events.length > 0);
      out.p(`${label}: after`, [events.list, processStatus(p), processExitStatus(p)]);
    };
    await runAndSignal('kill-process', (p) => killProcess(p));
    await runAndSignal('kill-process by name', () => killProcess('k'));
    await runAndSignal('interrupt-process', (p) => interruptProcess(p));
    await runAndSignal('quit-process', (p) => quitProcess(p));
    await runAndSignal('signal-process SIGTERM', (p) => signalProcess(p, intern('SIGTERM')));
    await runAndSignal('signal-process sigterm', (p) => signalProcess(p, intern('sigterm')));
    await runAndSignal('signal-process term', (p) => signalProcess(p, intern('term')));
    await runAndSignal('signal-process SIGHup', (p) => signalProcess(p, intern('SIGHup')));
    await runAndSignal('signal-process 10', (p) => signalProcess(p, 10));
    await runAndSignal('signal-process usr2', (p) => signalProcess(p, intern('usr2')));
    await runAndSignal('signal-process by name', () => signalProcess('k', intern('SIGALRM')));
  },
};

const subSignalErrors: Scenario = {
  name: 'sub-signal-errors',
  async twin(out) {
    // prettier-ignore
    const p = pipeProcess(':name', 'ig', ':command', ['sh', '-c', "trap '' TERM USR1; echo ready; exec sleep 10"],
      ':buffer', 'igb');
    await waitUntil(() => bufferText('igb') === 'ready\n');
    await out.try('sigfoo', () => signalProcess(p, intern('sigfoo')));
    await out.try('foo', () => signalProcess(p, intern('foo')));
    await out.try('nil', () => signalProcess(p, null));
    await out.try('a string', () => signalProcess(p, 'TERM'));
    await out.try('a float', () => signalProcess(p, lispFloat(1.5)));
    await out.try('ignored TERM', () => signalProcess(p, intern('TERM')));
    await out.try('ignored USR1', () => signalProcess(p, intern('SIGUSR1')));
    await out.try('zero', () => signalProcess(p, 0));
    await out.try('not a signal', () => signalProcess(p, -1));
    await settle(100);
    out.p('still running', processStatus(p));
    await out.try('no such process name', () => signalProcess('nope', 0));
    await out.try('interrupt a buffer without process', () => interruptProcess(getBufferCreate('plain')));
    await out.try('kill-process of a name no process has', () => killProcess('nope'));
    deleteProcess(p);
  },
};

export const subprocessSignalScenarios: readonly Scenario[] = [
  subArguments,
  subExitCodes,
  subSignalDeaths,
  subSignalFunctions,
  subSignalErrors,
];
