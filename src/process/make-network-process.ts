import type { Socket } from 'node:net';
import { constants, libc, SocketAddress } from '../ffi';
import { LispError } from '../lisp/errors';
import { plistPut } from '../lisp/plist';
import { parseNetworkProcessArgs, socketAddressToLisp } from '../options';
import type { NetworkProcessSpec } from '../options/types';
import { ConnectOutcome, connectErrno, connectFirst, startConnect } from './client';
import { attachSocket, endOutput } from './connection';
import { createProcess, openServerSocket } from './create-process';
import { makeDatagramClient, makeDatagramServer } from './datagram-process';
import { fileError } from './file-error';
import { makeSeqpacketClient } from './seqpacket-process';
import { runSentinel } from './handlers';
import { NetworkProcess } from './network-process';
import { unregisterProcess } from './registry';
import { immediateAddresses, resolveAddresses } from './resolve';
import { socketTypeOf, startAccepting } from './server';
import { markFailed } from './status-change';

async function makeServer(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const socketType = socketTypeOf(spec.type);
  const [address] = await resolveAddresses(spec, socketType);
  const proc = createProcess(spec);
  try {
    if (address === undefined) throw new LispError('error', ['No address to listen on']);
    proc.listenFd = openServerSocket(spec, proc, address, socketType);
    if (!proc.stopped) startAccepting(proc);
  } catch (err) {
    if (proc.listenFd !== null) libc().close(proc.listenFd);
    proc.listenFd = null;
    unregisterProcess(proc);
    throw err;
  }
  return proc;
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
  if (spec.type === 'datagram') return spec.server ? makeDatagramServer(spec) : makeDatagramClient(spec);
  if (spec.server) return makeServer(spec);
  if (spec.type === 'seqpacket') return makeSeqpacketClient(spec);
  return spec.nowait ? makeNowaitClient(spec) : makeBlockingClient(spec);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
