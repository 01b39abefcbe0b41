import {
  deleteProcess,
  interruptProcess,
  intern,
  letBindings,
  makeProcess,
  processExitStatus,
  processLiveP,
  processRunningChildP,
  processSendEof,
  processSendString,
  processStatus,
  processTtyName,
  processType,
  setProcessWindowSize,
  startProcess,
  t,
  withTempBuffer,
  callProcess,
  bufferString,
} from '../../../src';
import { bufferText, settle, Scenario, waitUntil } from '../twin';
import { pipeProcess } from './subprocess-signals';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const pty = intern('pty');

const subPty: Scenario = {
  name: 'sub-pty',
  async twin(out) {
    // prettier-ignore
    const p = makeProcess(':name', 't', ':command', ['sh', '-c', 'read x; echo "got $x"; tty >/dev/null && echo tty-ok; stty size; read y; echo "eof $?"'],
      ':buffer', 'tb', ':connection-type', pty);
    processSendString(p, 'sent at once\n');
    out.p('tty-name', /^\/dev\/pts\/\d+$/.test(text(processTtyName(p))) ? t : null);
    out.p('type', processType(p));
    await waitUntil(() => /\d+ \d+/.test(text(bufferText('tb'))));
    await settle(100);
    out.p('start', bufferText('tb'));
    out.p('running child', processRunningChildP(p));
    out.p('send-eof', processSendEof(p));
    await waitUntil(() => processLiveP(p) === null);
    await waitUntil(() => text(bufferText('tb')).includes('finished'));
    out.p('end', bufferText('tb'));
    out.p('tty-name after', processTtyName(p) === null ? null : t);
    // prettier-ignore
    const q = makeProcess(':name', 'w', ':command', ['sh', '-c', "trap 'stty size' WINCH; echo ready; while :; do sleep 0.05; done"],
      ':buffer', 'wb', ':connection-type', pty);
    await waitUntil(() => text(bufferText('wb')).includes('ready'));
    out.p('set-process-window-size', setProcessWindowSize(q, 30, 100));
    await waitUntil(() => text(bufferText('wb')).includes('30 100'));
    out.p('winch', bufferText('wb'));
    out.p('interrupt', interruptProcess(q));
    await waitUntil(() => processLiveP(q) === null);
    await waitUntil(() => text(bufferText('wb')).includes('interrupt'));
    out.p('after interrupt', [processStatus(q), processExitStatus(q), bufferText('wb')]);
    // prettier-ignore
    await letBindings([[intern('process-connection-type'), t]], async () =>
      startProcess('sp', 'spb', 'sh', '-c', "stty -a | tr ' ' '\\n' | grep -E '^-?(echo|onlcr|icrnl|isig|icanon)$' | tr '\\n' ' '"));
    await waitUntil(() => text(bufferText('spb')).includes('finished'));
    out.p('modes', bufferText('spb'));
    const s = makeProcess(':name', 'c', ':command', ['cat'], ':buffer', 'cb');
    out.p('default is a pty', processTtyName(s) === null ? null : t);
    processSendString(s, 'line\n');
    await waitUntil(() => bufferText('cb') === 'line\n');
    out.p('cat on a pty', bufferText('cb'));
    deleteProcess(s);
    // prettier-ignore
    out.p('pipe window size', setProcessWindowSize(pipeProcess(':name', 'pp', ':command', ['sleep', '1']), 10, 10));
    await out.try('window size not a number', () => setProcessWindowSize(q, intern('a'), 10));
    for (const type of ['pipe', 'pty']) {
      // prettier-ignore
      makeProcess(':name', 'a', ':command', ['sh', '-c', "tr '\\0' ' ' </proc/$$/cmdline; echo"],
        ':buffer', `ab${type}`, ':connection-type', intern(type));
      await waitUntil(() => text(bufferText(`ab${type}`)).includes('finished'));
      out.p(`argv on a ${type}`, bufferText(`ab${type}`));
    }
    const x = makeProcess(
      ':name',
      'x',
      ':command',
      ['/nonexistent/prog'],
      ':buffer',
      'xb',
      ':connection-type',
      pty,
    );
    out.p('exec failure: tty', processTtyName(x) === null ? null : t);
    await waitUntil(() => text(bufferText('xb')).includes('Process'));
    out.p('exec failure on a pty', [processStatus(x), processExitStatus(x), bufferText('xb')]);
    await withTempBuffer(async () => {
      await callProcess('sh', null, t, null, '-c', "tr '\\0' ' ' </proc/$$/cmdline");
      out.p('call-process argv', bufferString());
    });
  },
};

export const subprocessPtyScenarios: readonly Scenario[] = [subPty];
