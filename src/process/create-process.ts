import { constants, libc, SocketAddress } from '../ffi';
import { plistPut } from '../lisp/plist';
import { intern } from '../lisp/symbol';
import { applyCreationOptions, socketAddressToLisp } from '../options';
import type { NetworkProcessSpec } from '../options/types';
import { getBufferCreate, LispBuffer, makeMarker, pointMax, setMarker } from './buffer';
import { resolveCodingSystem } from './coding';
import { domainOf } from './client';
import { fileError } from './file-error';
import { NetworkProcess } from './network-process';
import { registerProcess, uniqueProcessName } from './registry';

const DEFAULT_CODING = 'utf-8-unix';

/** Emacs creates the buffer after name resolution and before the process; it survives failures. */
export function createProcess(spec: NetworkProcessSpec): NetworkProcess {
  const buffer: LispBuffer | null =
    spec.buffer === null ? null : getBufferCreate(spec.buffer as string | LispBuffer);
  if (spec.deferredError !== null) throw spec.deferredError;
  const [decodingName, encodingName] = spec.coding ?? [intern(DEFAULT_CODING), intern(DEFAULT_CODING)];
  const decoding = resolveCodingSystem(decodingName ?? intern(DEFAULT_CODING));
  const encoding = resolveCodingSystem(encodingName ?? intern(DEFAULT_CODING));
  const proc = new NetworkProcess(
    uniqueProcessName(spec.name),
    spec.server ? 'server' : 'client',
    spec.type,
    [...spec.contact],
    {
      status:
        spec.server && spec.type !== 'datagram'
          ? { kind: 'listen' }
          : spec.nowait && spec.type !== 'datagram'
            ? { kind: 'connect' }
            : { kind: 'run' },
      mark: makeMarker(),
      filter: spec.filter,
      sentinel: spec.sentinel,
      log: spec.log,
      plist: [...spec.plist],
      queryOnExit: !spec.noquery,
      decoding,
      encoding,
      options: [...spec.options],
    },
  );
  proc.stopped = spec.stop;
  // The last :linger given decides how delete-process closes (decision 2).
  proc.linger = spec.socketOptions.linger ?? null;
  if (buffer !== null) {
    proc.buffer = buffer;
    setMarker(proc.mark, pointMax(buffer), buffer);
  }
  registerProcess(proc);
  return proc;
}

/**
 * A server's socket: socket → options → bind → getsockname → listen (datagram servers do not
 * listen), closing the socket on any failure.
 */
export function openServerSocket(
  spec: NetworkProcessSpec,
  proc: NetworkProcess,
  address: SocketAddress,
  socketType: number,
): number {
  const c = constants();
  const isLocal = address.family === 'unix';
  const domain = domainOf(address);
  let fd: number;
  try {
    fd = libc().socket(domain, socketType | c.SOCK_CLOEXEC | c.SOCK_NONBLOCK, 0);
  } catch (err) {
    throw fileError('make server process failed', err, spec.contact);
  }
  try {
    applyCreationOptions(fd, spec, { implicitReuseaddr: !isLocal });
    try {
      libc().bind(fd, address);
    } catch (err) {
      throw fileError('Cannot bind server socket', err);
    }
    if (isLocal) {
      plistPut(proc.contact, ':local', socketAddressToLisp(address));
    } else {
      const bound = libc().getsockname(fd);
      if (bound.family === 'inet' || bound.family === 'inet6') plistPut(proc.contact, ':service', bound.port);
      plistPut(proc.contact, ':local', socketAddressToLisp(bound));
    }
    if (spec.type === 'datagram') return fd;
    try {
      libc().listen(fd, spec.backlog);
    } catch (err) {
      throw fileError('Cannot listen on server socket', err);
    }
    proc.listenKind = { domain, type: socketType };
    return fd;
  } catch (err) {
    libc().close(fd);
    throw err;
  }
}
