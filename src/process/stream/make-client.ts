import type { Socket } from 'node:net';
import { constants, libc, SocketAddress } from '../../ffi';
import { LispError } from '../../lisp/errors';
import { plistPut } from '../../lisp/plist';
import { fileError, isAbortError, socketAddressToLisp, systemFailure } from '../../options';
import type { NetworkProcessSpec } from '../../options/types';
import { immediateAddresses, resolveAddresses } from '../sockets/resolve';
import { createProcess, setupCodingSystems } from '../core/create';
import { markFailed, markOpen } from '../core/lifecycle';
import { unlessHeldBack } from '../core/reading';
import type { NetworkProcess } from '../core/record';
import { unregisterProcess } from '../core/registry';
import { ConnectOutcome, connectFirst, connectSocket, openConnectSocket } from './connect';
import { ConnectingTransport } from './connecting';
import { StreamTransport } from './connection';

/** Connected: the socket becomes the transport, with what was sent meanwhile, and the addresses. */
function connected(
  proc: NetworkProcess,
  connecting: ConnectingTransport,
  socket: Socket,
  remote: SocketAddress,
): void {
  proc.transport = connecting.handOver(new StreamTransport(proc, socket));
  plistPut(proc.contact, ':remote', socketAddressToLisp(remote));
  const fd = proc.fd;
  if (fd !== null) plistPut(proc.contact, ':local', socketAddressToLisp(libc().getsockname(fd)));
}

/** A blocking stream client: the promise settles once connected, or rejects with Emacs's error. */
export async function makeBlockingClient(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const addresses = await resolveAddresses(spec, constants().SOCK_STREAM);
  const proc = createProcess(spec);
  const connecting = new ConnectingTransport();
  proc.transport = connecting;
  try {
    const outcome = await connectFirst(spec, addresses);
    if ('error' in outcome) {
      if (isAbortError(outcome.error)) throw outcome.error;
      throw fileError('make client process failed', outcome.error, spec.contact);
    }
    // Emacs blocks here; a Node program may have deleted the process (found in process-list) meanwhile.
    if (proc.status.kind === 'exit') {
      outcome.socket.destroy();
      return proc;
    }
    try {
      setupCodingSystems(proc, spec);
    } catch (err) {
      outcome.socket.destroy();
      throw err;
    }
    connected(proc, connecting, outcome.socket, outcome.address);
    return proc;
  } catch (err) {
    unregisterProcess(proc);
    throw err;
  }
}

/** What process-exit-status reports for a failure: the errno, or else the error's message. */
function failureReason(err: unknown): number | string {
  // LispError carries Node's negative errno; Emacs reports the positive one.
  if (err instanceof LispError)
    return err.errno === undefined ? String(err.data[0] ?? err.symbol) : -err.errno;
  return err instanceof Error ? err.message : String(err);
}

/** A `:nowait` connection's outcome reaches the process: `open`, or `failed` with the errno. */
function complete(
  proc: NetworkProcess,
  connecting: ConnectingTransport,
  outcome: ConnectOutcome & { address: SocketAddress },
): void {
  if (proc.status.kind !== 'connect') {
    if ('socket' in outcome) outcome.socket.destroy();
    return;
  }
  if ('error' in outcome) {
    plistPut(proc.contact, ':remote', socketAddressToLisp(outcome.address));
    if (outcome.local !== null) plistPut(proc.contact, ':local', socketAddressToLisp(outcome.local));
    // Emacs placed the mark when it made the socket; a failed name lookup leaves it nowhere.
    proc.placeMark();
    markFailed(proc, systemFailure(outcome.error).errno);
    return;
  }
  connected(proc, connecting, outcome.socket, outcome.address);
  markOpen(proc);
}

/**
 * `:nowait`: returns in status `connect`. Known addresses get their socket (and option errors)
 * at once; names are looked up in the background, and a failed lookup runs the sentinel
 * (Emacs 28 never calls it; see the README's differences).
 */
export async function makeNowaitClient(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const immediate = immediateAddresses(spec.endpoint);
  const proc = createProcess(spec);
  const connecting = new ConnectingTransport();
  proc.transport = connecting;
  // A known address gets its socket, and so its option errors, before the call returns.
  let firstAttempt: Promise<ConnectOutcome> | undefined;
  // Emacs checks :coding once the connection completes, and signals from whatever then waits for
  // output (README: differences); elproc signals here, after the option errors of the socket.
  try {
    if (immediate !== null && immediate[0] !== undefined) {
      const address = immediate[0];
      const fd = openConnectSocket(spec, address);
      try {
        setupCodingSystems(proc, spec);
      } catch (err) {
        libc().close(fd);
        throw err;
      }
      firstAttempt = connectSocket(fd, address, spec.abort.connectSignal);
    } else {
      setupCodingSystems(proc, spec);
    }
  } catch (err) {
    unregisterProcess(proc);
    throw err;
  }
  const finish = async (): Promise<void> => {
    let addresses: SocketAddress[];
    try {
      addresses = immediate ?? (await resolveAddresses(spec, constants().SOCK_STREAM));
    } catch {
      if (proc.status.kind === 'connect')
        markFailed(proc, `Name lookup of ${spec.endpoint.resolveHost ?? ''} failed`);
      return;
    }
    const outcome = await connectFirst(spec, addresses, firstAttempt);
    // Emacs completes the connection only while it reads the process: a JUST-THIS-ONE wait for
    // another one defers it. A reset meanwhile fails it, as the socket's SO_ERROR would.
    let resetMeanwhile: unknown = null;
    const onReset = (err: unknown): void => {
      resetMeanwhile = err;
    };
    if ('socket' in outcome) outcome.socket.on('error', onReset);
    unlessHeldBack(proc, () => {
      try {
        if (!('socket' in outcome) || resetMeanwhile === null) {
          if ('socket' in outcome) outcome.socket.removeListener('error', onReset);
          complete(proc, connecting, outcome);
          return;
        }
        outcome.socket.destroy();
        complete(proc, connecting, { error: resetMeanwhile, local: null, address: outcome.address });
      } catch (err) {
        fail(err);
      }
    });
  };
  // Later failures (an option refused on a looked-up address) fail the process with the errno.
  const fail = (err: unknown): void => {
    if (proc.status.kind === 'connect') markFailed(proc, failureReason(err));
  };
  finish().catch(fail);
  return proc;
}
