/**
 * The FFI calls of subprocesses, through both backends (ffi-napi's where its packages load):
 * pipe2, the pty calls, the window size and the terminal modes.
 */
import { closeSync, readFileSync, readSync, writeSync } from 'node:fs';
import { constants, createKoffiBackend, LibcBackend, SystemCallError } from '../../src/ffi';
import { createFfiNapiBackend } from '../../src/ffi/ffi-napi-backend';
import { ffiNapiLoadError } from './helpers';

const C = constants();

/** A descriptor's open flags, from /proc/self/fdinfo (octal). */
function openFlags(fd: number): number {
  const line = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('flags:'));
  return parseInt(line?.split(/\s+/)[1] ?? '0', 8);
}
const backends: [string, () => LibcBackend][] = [['koffi', createKoffiBackend]];
if (ffiNapiLoadError() === null) backends.push(['ffi-napi', createFfiNapiBackend]);

describe.each(backends)('%s', (_name, create) => {
  const L = create();
  const opened: number[] = [];
  afterEach(() => {
    for (const fd of opened.splice(0)) closeSync(fd);
  });

  test('pipe gives a read end and a write end, both close-on-exec', () => {
    const [readEnd, writeEnd] = L.pipe();
    opened.push(readEnd, writeEnd);
    expect(writeSync(writeEnd, 'abc')).toBe(3);
    const got = Buffer.alloc(8);
    expect(got.subarray(0, readSync(readEnd, got)).toString()).toBe('abc');
    for (const fd of [readEnd, writeEnd]) expect(openFlags(fd) & C.O_CLOEXEC).toBe(C.O_CLOEXEC);
  });

  test('openPty gives a master and its /dev/pts slave; window size and modes apply to it', () => {
    const { master, slaveName } = L.openPty();
    opened.push(master);
    expect(slaveName).toMatch(/^\/dev\/pts\/\d+$/);
    L.setWindowSize(master, 30, 100);
    L.clearTerminalModes(master, C.ONLCR, C.ECHO);
    expect(openFlags(master) & C.O_CLOEXEC).toBe(C.O_CLOEXEC);
    const [readEnd, writeEnd] = L.pipe();
    opened.push(readEnd, writeEnd);
    expect(() => L.setWindowSize(readEnd, 1, 1)).toThrow(SystemCallError);
  });
});
