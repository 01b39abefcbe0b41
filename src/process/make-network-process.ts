import type { Socket } from 'node:net';
import { constants, libc, SocketAddress } from '../ffi';
import { LispError } from '../lisp/errors';
import { plistPut } from '../lisp/plist';
import { intern } from '../lisp/symbol';
import { applyCreationOptions, parseNetworkProcessArgs, socketAddressToLisp } from '../options';
import type { NetworkProcessSpec } from '../options/types';
import { getBufferCreate, LispBuffer, makeMarker, pointMax, setMarker } from './buffer';
import { createDecoder, resolveCodingSystem } from './coding';
import { ConnectOutcome, connectErrno, connectFirst, startConnect } from './client';
import { attachSocket, endOutput } from './connection';
import { fileError } from './file-error';
import { runSentinel } from './handlers';
import { NetworkProcess } from './network-process';
import { registerProcess, uniqueProcessName, unregisterProcess } from './registry';
import { immediateAddresses, resolveAddresses } from './resolve';
import { socketTypeOf, startAccepting } from './server';
import { markFailed } from './status-change';

const DEFAULT_CODING = 'utf-8-unix';

/** Emacs creates the buffer after name resolution and before the process; it survives failures. */
function createProcess(spec: NetworkProcessSpec): NetworkProcess {
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
      status: spec.server ? { kind: 'listen' } : spec.nowait ? { kind: 'connect' } : { kind: 'run' },
      mark: makeMarker(),
      filter: spec.filter,
      sentinel: spec.sentinel,
      log: spec.log,
      plist: [...spec.plist],
      queryOnExit: !spec.noquery,
      decoding,
      encoding,
      decoder: createDecoder(decoding),
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

async function makeServer(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const socketType = socketTypeOf(spec.type);
  const [address] = await resolveAddresses(spec, socketType);
  const proc = createProcess(spec);
  proc.backlog = spec.backlog;
  try {
    if (address === undefined) throw new LispError('error', ['No address to listen on']);
    proc.listenFd = listenOn(spec, proc, address, socketType);
    if (!proc.stopped) await startAccepting(proc, spec.backlog);
  } catch (err) {
    if (proc.listenFd !== null) libc().close(proc.listenFd);
    proc.listenFd = null;
    unregisterProcess(proc);
    throw err;
  }
  return proc;
}

/** socket → options → bind → getsockname → listen, closing the socket on any failure. */
function listenOn(
  spec: NetworkProcessSpec,
  proc: NetworkProcess,
  address: SocketAddress,
  socketType: number,
): number {
  const c = constants();
  const isLocal = address.family === 'unix';
  const domain = isLocal ? c.AF_UNIX : address.family === 'inet6' ? c.AF_INET6 : c.AF_INET;
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

function recordAddresses(proc: NetworkProcess, remote: SocketAddress): void {
  plistPut(proc.contact, ':remote', socketAddressToLisp(remote));
  const fd = proc.fd;
  if (fd !== null) plistPut(proc.contact, ':local', socketAddressToLisp(libc().getsockname(fd)));
}

/** Client connected: adopt the socket, flush what was sent while connecting. */
function connected(proc: NetworkProcess, outcome: { socket: Socket; address: SocketAddress }): void {
  attachSocket(proc, outcome.socket);
  recordAddresses(proc, outcome.address);
  // The queue holds only what was sent before any process-send-eof, so it bypasses that flag.
  for (const bytes of proc.pendingOutput.splice(0)) outcome.socket.write(bytes);
  // process-send-eof while connecting only set the flag; send the EOF now.
  if (proc.outputClosed) endOutput(proc);
}

async function makeBlockingClient(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const addresses = await resolveAddresses(spec, constants().SOCK_STREAM);
  const proc = createProcess(spec);
  try {
    const outcome = await connectFirst(spec, addresses);
    if ('error' in outcome) throw fileError('make client process failed', outcome.error, spec.contact);
    connected(proc, outcome);
    return proc;
  } catch (err) {
    unregisterProcess(proc);
    throw err;
  }
}

/**
 * `:nowait`: returns in status `connect`. Known addresses get their socket (and option errors)
 * at once; names are looked up in the background, and a failed lookup runs the sentinel
 * (decision 6; Emacs 28 never calls it).
 */
async function makeNowaitClient(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const immediate = immediateAddresses(spec);
  const proc = createProcess(spec);
  // A known address gets its socket, and so its option errors, before the call returns.
  let firstAttempt: Promise<ConnectOutcome> | undefined;
  if (immediate !== null && immediate[0] !== undefined) {
    try {
      firstAttempt = startConnect(spec, immediate[0]);
    } catch (err) {
      unregisterProcess(proc);
      throw err;
    }
  }
  const finish = async (): Promise<void> => {
    let addresses: SocketAddress[];
    try {
      addresses = immediate ?? (await resolveAddresses(spec, constants().SOCK_STREAM));
    } catch {
      if (proc.status.kind === 'connect') markFailed(proc, `Name lookup of ${spec.resolveHost ?? ''} failed`);
      return;
    }
    const outcome = await connectFirst(spec, addresses, firstAttempt);
    if (proc.status.kind !== 'connect') {
      if ('socket' in outcome) outcome.socket.destroy();
      return;
    }
    if ('error' in outcome) {
      plistPut(proc.contact, ':remote', socketAddressToLisp(outcome.address));
      if (outcome.local !== null) plistPut(proc.contact, ':local', socketAddressToLisp(outcome.local));
      markFailed(proc, connectErrno(outcome.error));
      return;
    }
    proc.status = { kind: 'run' };
    connected(proc, outcome);
    runSentinel(proc, 'open\n');
  };
  // Later failures (an option refused on a looked-up address) fail the process with the errno.
  finish().catch((err: unknown) => {
    if (proc.status.kind === 'connect') markFailed(proc, failureReason(err));
  });
  return proc;
}

/** What process-exit-status reports for a failure: the errno, or else the error's message. */
function failureReason(err: unknown): number | string {
  if (err instanceof LispError) return err.errno ?? String(err.data[0] ?? err.symbol);
  return err instanceof Error ? err.message : String(err);
}

/**
 * Emacs: make-network-process. Arguments are a plist (`':name', 'srv', ':server', t`) or an
 * object (`{ name: 'srv', server: true }`). Bad arguments throw a LispError at once; the promise
 * settles when Emacs's call would return: servers once listening, blocking clients once
 * connected, `:nowait` clients immediately in status `connect`. No arguments give nil.
 */
export function makeNetworkProcess(...args: unknown[]): Promise<NetworkProcess | null> {
  const spec = parseNetworkProcessArgs(
    args.length === 1 && isPlainObject(args[0]) ? (args[0] as Record<string, unknown>) : args,
  );
  if (spec === null) return Promise.resolve(null);
  if (spec.type !== 'stream') {
    throw new LispError('error', [`:type ${spec.type} is not supported yet`]);
  }
  if (spec.server) return makeServer(spec);
  return spec.nowait ? makeNowaitClient(spec) : makeBlockingClient(spec);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
