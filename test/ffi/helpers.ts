import { randomBytes } from 'crypto';
import { tmpdir } from 'os';
import { join } from 'path';
import { constants, FFI_NAPI_PACKAGES, libc } from '../../src/ffi';

/** Descriptors opened by a test, closed by `closeAll` in afterEach. */
const open = new Set<number>();

/** socket(2) through the backend, remembered so that a failing test does not leak it. */
export function openSocket(domain: number, type: number, protocol = 0): number {
  const fd = libc().socket(domain, type | constants().SOCK_CLOEXEC, protocol);
  open.add(fd);
  return fd;
}

/** Remembers a descriptor opened otherwise (eventfd, epoll, accept) so that `closeAll` closes it. */
export function track(fd: number): number {
  open.add(fd);
  return fd;
}

export function closeSocket(fd: number): void {
  open.delete(fd);
  libc().close(fd);
}

export function closeAll(): void {
  for (const fd of open) closeSocket(fd);
}

/** A fresh Unix socket path under os.tmpdir(). */
export function tempSocketPath(): string {
  return join(tmpdir(), `elproc-test-${process.pid}-${randomBytes(4).toString('hex')}.sock`);
}

/** A fresh Linux abstract name: a NUL, then text. */
export function abstractName(): Buffer {
  return Buffer.from(`\0elproc-test-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** A C struct of native-endian ints (struct linger and the like). */
export function intStruct(...values: number[]): Buffer {
  return Buffer.from(Int32Array.from(values).buffer);
}

export function readIntStruct(buf: Buffer): number[] {
  // A fresh ArrayBuffer: pooled Buffers need not be 4-byte aligned.
  const copy = Uint8Array.from(buf.subarray(0, buf.length - (buf.length % 4)));
  return Array.from(new Int32Array(copy.buffer));
}

/**
 * Why the ffi-napi backend's optional packages do not load here, or null when they do (then
 * both backends can be compared in one process).
 */
export function ffiNapiLoadError(): Error | null {
  try {
    for (const name of FFI_NAPI_PACKAGES) jest.requireActual(name);
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
