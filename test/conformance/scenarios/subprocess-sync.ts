import { readFileSync, writeFileSync } from 'node:fs';
import {
  bufferString,
  callProcess,
  callProcessRegion,
  executableFind,
  gotoChar,
  insert,
  intern,
  letBindings,
  point,
  pointMax,
  pointMin,
  processCommand,
  processFile,
  processLines,
  shellCommandToString,
  startFileProcess,
  startProcessShellCommand,
  symbolValue,
  t,
  withTempBuffer,
} from '../../../src';
import type { LispValue } from '../../../src';
import { bufferText, Scenario, waitUntil } from '../twin';
import { pipeProcess } from './subprocess-signals';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const fileText = (path: string): string => readFileSync(path, 'utf8');
const sym = intern;

/** `(let ((VAR VALUE)…) BODY)` for a twin. */
function withLet<T>(bindings: [string, LispValue][], body: () => Promise<T>): Promise<T> {
  return letBindings(
    bindings.map(([name, value]) => [sym(name), value] as const),
    body,
  );
}

const subCallProcess: Scenario = {
  name: 'sub-call-process',
  async twin(out, ctx) {
    const outFile = ctx.tmpPath('out');
    const inFile = ctx.tmpPath('in');
    await withTempBuffer(async () => {
      const status = await callProcess('sh', null, t, null, '-c', 'echo out; echo err >&2; exit 2');
      out.p('t', [status, bufferString()]);
    });
    out.p('nil', await callProcess('sh', null, null, null, '-c', 'echo out; exit 3'));
    out.p('0', await callProcess('sh', null, 0, null, '-c', 'echo out; exit 3'));
    const sh = ['-c', 'echo out; echo err >&2'];
    out.p('buffer name', [await callProcess('sh', null, 'cpb', null, ...sh), bufferText('cpb')]);
    out.p('(buffer nil)', [await callProcess('sh', null, ['cpb2', null], null, ...sh), bufferText('cpb2')]);
    out.p('(:file)', [
      await callProcess('sh', null, [sym(':file'), outFile], null, ...sh),
      fileText(outFile),
    ]);
    // prettier-ignore
    out.p('(buffer file)', [await callProcess('sh', null, ['cpb3', outFile], null, ...sh), bufferText('cpb3'), fileText(outFile)]);
    out.p('(buffer t)', [await callProcess('sh', null, ['cpb4', t], null, ...sh), bufferText('cpb4')]);
    out.p('(nil t)', await callProcess('sh', null, [null, t], null, '-c', 'echo out; exit 1'));
    writeFileSync(inFile, 'input line\n');
    out.p('infile', [await callProcess('cat', inFile, 'cpb5'), bufferText('cpb5')]);
    out.p('killed', await callProcess('sh', null, null, null, '-c', 'kill -9 $$'));
    out.p('terminated', await callProcess('sh', null, null, null, '-c', 'kill -15 $$'));
    out.p('interrupt', await callProcess('sh', null, null, null, '-c', 'kill -2 $$'));
    out.p('hangup', await callProcess('sh', null, null, null, '-c', 'kill -1 $$'));
    await out.try('missing', () => callProcess('no-such-prog-xyz'));
    await out.try('missing absolute', () => callProcess('/nonexistent/prog'));
    await out.try('missing infile', () => callProcess('cat', '/nonexistent/in'));
    await out.try('program a number', () => callProcess(5));
    await out.try('argument a number', () => callProcess('echo', null, null, null, 5));
    out.p('display', await callProcess('true', null, null, t));
    out.p('no arguments', await callProcess('true'));
    await withTempBuffer(async () => {
      insert('XY');
      gotoChar(2);
      await callProcess('echo', null, t, null, 'mid');
      out.p('point after output', [point(), bufferString()]);
    });
    await withTempBuffer(async () => {
      await callProcess('printf', null, t, null, '\\303\\251');
      out.p('utf-8 output', bufferString());
    });
    await callProcess('echo', null, 'cpb', null, 'again');
    out.p('buffer appended', bufferText('cpb'));
  },
};

const subCallVariants: Scenario = {
  name: 'sub-call-variants',
  async twin(out) {
    await withTempBuffer(async () => {
      insert('abc\ndef\n');
      const status = await callProcessRegion(pointMin(), pointMax(), 'tr', t, t, null, 'a-z', 'A-Z');
      out.p('region replaced', [status, bufferString()]);
    });
    await withTempBuffer(async () => {
      insert('abc\ndef\n');
      out.p('region kept', [await callProcessRegion(1, 4, 'cat', null, t), bufferString()]);
    });
    await withTempBuffer(async () => {
      out.p('region from a string', [
        await callProcessRegion('from string\n', null, 'cat', null, t),
        bufferString(),
      ]);
    });
    await withTempBuffer(async () => {
      insert('whole\n');
      // prettier-ignore
      out.p('region nil: the whole buffer', [await callProcessRegion(null, null, 'wc', null, t, null, '-c'), bufferString()]);
    });
    out.p('process-file', await processFile('sh', null, null, null, '-c', 'exit 4'));
    out.p('process-lines', await processLines('sh', '-c', 'echo a; echo b; echo'));
    out.p('process-lines no newline', await processLines('printf', 'x\\ny'));
    out.p('process-lines nothing', await processLines('true'));
    await out.try('process-lines fails', () => processLines('sh', '-c', 'echo a; exit 2'));
    out.p('shell-command-to-string', await shellCommandToString('echo hi; echo err >&2'));
    out.p('shell-command-to-string exit', await shellCommandToString('exit 3'));
    // prettier-ignore
    out.p('default-directory', await withLet([['default-directory', '/tmp/']], () => shellCommandToString('pwd')));
    const env = (): LispValue[] => symbolValue(sym('process-environment')) as LispValue[];
    // prettier-ignore
    out.p('process-environment', await withLet([['process-environment', ['ELTEST=v1', ...env()]]], () => shellCommandToString('echo $ELTEST')));
    // prettier-ignore
    out.p('first wins', await withLet([['process-environment', ['ELTEST=first', 'ELTEST=second', ...env()]]], () => shellCommandToString('echo $ELTEST')));
    // prettier-ignore
    out.p('a bare name unsets', await withLet([['process-environment', ['HOME', ...env()]]], () => shellCommandToString('echo ${HOME-unset}')));
    // prettier-ignore
    out.p('shell-file-name', await withLet([['shell-file-name', '/bin/sh']], () => shellCommandToString('echo $0')));
    // prettier-ignore
    out.p('shell-command-switch', await withLet([['shell-command-switch', '-ec']], () => shellCommandToString('false; echo not-here')));
    // prettier-ignore
    await out.try('bad default-directory', () => withLet([['default-directory', '/nonexistent/']], () => callProcess('true')));
    // prettier-ignore
    await out.try('empty exec-path', () => withLet([['exec-path', null]], () => callProcess('sh', null, null, null, '-c', 'true')));
    // prettier-ignore
    out.p('exec-path /bin', await withLet([['exec-path', ['/bin']]], () => callProcess('sh', null, null, null, '-c', 'exit 7')));
    out.p('executable-find', executableFind('sh'));
    out.p('executable-find missing', executableFind('no-such-prog-xyz'));
    out.p('executable-find no path', await withLet([['exec-path', null]], async () => executableFind('sh')));
    // prettier-ignore
    await withLet([['process-environment', ['ELTEST=sub', ...env()]], ['default-directory', '/tmp/']], async () =>
      pipeProcess(':name', 'envp', ':command', ['sh', '-c', 'echo $ELTEST; pwd'], ':buffer', 'envb'));
    await waitUntil(() => text(bufferText('envb')).includes('finished'));
    out.p('make-process env and directory', bufferText('envb'));
    // prettier-ignore
    const p2 = await withLet([['process-connection-type', null], ['shell-file-name', '/bin/sh']], async () =>
      startProcessShellCommand('shp', 'shb', 'echo $((1+2))'));
    out.p('shell command', processCommand(p2));
    await waitUntil(() => text(bufferText('shb')).includes('finished'));
    out.p('shell output', bufferText('shb'));
    // prettier-ignore
    const p3 = await withLet([['process-connection-type', null]], async () => startFileProcess('fp', 'fpb', 'echo', 'file'));
    await waitUntil(() => text(bufferText('fpb')).includes('finished'));
    out.p('start-file-process', [processCommand(p3), bufferText('fpb')]);
  },
};

export const subprocessSyncScenarios: readonly Scenario[] = [subCallProcess, subCallVariants];
