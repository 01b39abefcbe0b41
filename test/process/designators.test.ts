/**
 * core/designators.ts: Emacs's get_process (a process, a process name, a buffer or buffer name,
 * nil for the current buffer), requireProcess (a process object only), signalTarget (stop-process
 * and continue-process) and get-buffer-process.
 */
import { intern, t } from '../../src/lisp/symbol';
import type { NetworkProcess } from '../../src/process/core/record';
import {
  bufferProcess,
  designatedProcess,
  requireProcess,
  signalTarget,
} from '../../src/process/core/designators';
import { registerProcess, unregisterProcess } from '../../src/process/core/registry';
import { getBufferCreate, killBuffer, LispBuffer, withCurrentBuffer } from '../../src/text/buffer';
import { makeProcess, signalOf } from './process-fixture';

const processes: NetworkProcess[] = [];
const buffers: LispBuffer[] = [];

function buffer(name: string): LispBuffer {
  const made = getBufferCreate(name);
  buffers.push(made);
  return made;
}

/** A registered process, with `bufferName`'s buffer when given. */
function spawn(name: string, bufferName: string | null = null): NetworkProcess {
  const proc = makeProcess(name, { buffer: bufferName === null ? null : buffer(bufferName) });
  registerProcess(proc);
  processes.push(proc);
  return proc;
}

afterEach(() => {
  for (const proc of processes.splice(0)) unregisterProcess(proc);
  for (const made of buffers.splice(0)) killBuffer(made);
});

describe('designatedProcess', () => {
  test('a process designates itself, registered or not', () => {
    const loose = makeProcess('loose');
    const proc = spawn('p');
    expect(designatedProcess(proc)).toBe(proc);
    expect(designatedProcess(loose)).toBe(loose);
  });

  test('a process name designates that process', () => {
    spawn('p');
    const second = spawn('p<1>');
    expect(designatedProcess('p<1>')).toBe(second);
  });

  test('a buffer, or its name, designates its process', () => {
    const proc = spawn('p', '*p-buffer*');
    expect(designatedProcess(buffers[0])).toBe(proc);
    expect(designatedProcess('*p-buffer*')).toBe(proc);
  });

  test('a process name wins over a buffer of the same name', () => {
    const named = spawn('shared');
    const buffered = spawn('other', 'shared');
    expect(designatedProcess('shared')).toBe(named);
    expect(designatedProcess(buffer('shared'))).toBe(buffered);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['false', false],
  ])('nil as %s designates the current buffer’s process', (_name, nil) => {
    const proc = spawn('p', '*current*');
    spawn('q', '*elsewhere*');
    expect(withCurrentBuffer('*current*', () => designatedProcess(nil))).toBe(proc);
  });

  test.each<[string, string, () => unknown]>([
    ['an unknown name', '(error "Process nosuch does not exist")', () => 'nosuch'],
    [
      'a buffer name without a process',
      '(error "Buffer *idle* has no process")',
      () => buffer('*idle*').name,
    ],
    ['a buffer without a process', '(error "Buffer *idle* has no process")', () => buffer('*idle*')],
    ['a number', '(wrong-type-argument processp 42)', () => 42],
    ['a symbol', '(wrong-type-argument processp foo)', () => intern('foo')],
    ['t', '(wrong-type-argument processp t)', () => t],
    ['a list', '(wrong-type-argument processp (1 2))', () => [1, 2]],
  ])('%s signals %s', (_name, printed, make) => {
    spawn('p', '*p-buffer*');
    const designator = make();
    expect(signalOf(() => designatedProcess(designator))).toBe(printed);
  });

  test('a killed buffer designates no process, as Emacs says', () => {
    const proc = spawn('p', '*doomed*');
    const doomed = proc.buffer;
    unregisterProcess(proc);
    if (doomed === null) throw new Error('the fixture gave the process no buffer');
    killBuffer(doomed);
    expect(signalOf(() => designatedProcess(doomed))).toBe(
      '(error "Attempt to get process for a dead buffer")',
    );
  });

  test('nil in a buffer without a process signals with that buffer’s name', () => {
    spawn('p', '*p-buffer*');
    buffer('*quiet*');
    expect(signalOf(() => withCurrentBuffer('*quiet*', () => designatedProcess(null)))).toBe(
      '(error "Buffer *quiet* has no process")',
    );
  });

  test('an unregistered process’s buffer has no process', () => {
    const proc = spawn('p', '*p-buffer*');
    unregisterProcess(proc);
    expect(signalOf(() => designatedProcess('*p-buffer*'))).toBe(
      '(error "Buffer *p-buffer* has no process")',
    );
    expect(signalOf(() => designatedProcess('p'))).toBe('(error "Process p does not exist")');
  });
});

describe('requireProcess', () => {
  test('a process is returned as is', () => {
    const proc = spawn('p', '*p-buffer*');
    expect(requireProcess(proc)).toBe(proc);
  });

  test.each<[string, string, () => unknown]>([
    ['a process name', '(wrong-type-argument processp "p")', () => 'p'],
    ['its buffer', '(wrong-type-argument processp #<buffer *p-buffer*>)', () => buffers[0]],
    ['nil', '(wrong-type-argument processp nil)', () => null],
    ['a number', '(wrong-type-argument processp 42)', () => 42],
  ])('%s signals %s', (_name, printed, make) => {
    spawn('p', '*p-buffer*');
    const value = make();
    expect(signalOf(() => requireProcess(value))).toBe(printed);
  });
});

describe('signalTarget (stop-process, continue-process)', () => {
  test('a process object is taken, registered or not', () => {
    const proc = spawn('p');
    const loose = makeProcess('loose');
    expect(signalTarget(proc)).toBe(proc);
    expect(signalTarget(loose)).toBe(loose);
  });

  test.each<[string, string, () => unknown]>([
    ['a process name', '(error "Process p is not a subprocess")', () => signalTarget('p')],
    ['a buffer', '(error "Process p is not a subprocess")', () => signalTarget(buffer('pb'))],
    ['a buffer name', '(error "Process p is not a subprocess")', () => signalTarget('pb')],
    [
      'nil in the buffer',
      '(error "Process p is not a subprocess")',
      () => withCurrentBuffer('pb', () => signalTarget(null)),
    ],
    ['an unknown name', '(error "Process nope does not exist")', () => signalTarget('nope')],
    ['an integer', '(wrong-type-argument processp 5)', () => signalTarget(5)],
  ])('%s: %s', (_label, printed, call) => {
    spawn('p', 'pb');
    expect(signalOf(call)).toBe(printed);
  });
});

describe('bufferProcess (get-buffer-process)', () => {
  test('the live process whose buffer it is, else null', () => {
    const proc = spawn('p', '*p-buffer*');
    const idle = buffer('*idle*');
    expect(bufferProcess(proc.buffer as LispBuffer)).toBe(proc);
    expect(bufferProcess(idle)).toBeNull();
  });

  test('of two processes sharing a buffer, the newest', () => {
    spawn('old', '*shared*');
    const newer = spawn('new', '*shared*');
    expect(bufferProcess(buffer('*shared*'))).toBe(newer);
    unregisterProcess(newer);
    expect(bufferProcess(buffer('*shared*'))?.name).toBe('old');
  });

  test('a process that is not registered is not found', () => {
    const loose = makeProcess('loose', { buffer: buffer('*loose*') });
    expect(bufferProcess(loose.buffer as LispBuffer)).toBeNull();
  });
});
