import { constants, libc, SystemCallError } from '../ffi';
import { LispError } from '../lisp/errors';
import { plistPut } from '../lisp/plist';
import { applyCreationOptions, socketAddressToLisp } from '../options';
import type { NetworkProcessSpec } from '../options/types';
import { announceChild, createChild } from './child';
import { createProcess } from './create-process';
import { fileError } from './file-error';
import { runLog, runSentinel } from './handlers';
import { attachEndpoint, messageSocket } from './message-process';
import type { NetworkProcess } from './network-process';
import { readinessLoop } from './readiness-loop';
import { unregisterProcess } from './registry';
import { resolveAddresses } from './resolve';

/** Connections accepted per readiness report before other events get a turn. */
const ACCEPT_BATCH = 64;
/** After an accept failure (out of descriptors), how long to wait before trying again. */
const ACCEPT_RETRY_MS = 100;

/**
 * A seqpacket client (`:family local` only: Linux has no other seqpacket sockets). A Unix connect
 * completes at once or fails; with `:nowait` the process still starts in status `connect` and
 * turns `open` (sentinel "open\n") on the next turn of the event loop, as Emacs reports it.
 */
export async function makeSeqpacketClient(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const [address] = await resolveAddresses(spec, constants().SOCK_SEQPACKET);
  const proc = createProcess(spec);
  let fd: number | null = null;
  try {
    if (address === undefined) throw new LispError('error', ['No address to connect to']);
    try {
      fd = messageSocket(proc, address);
      applyCreationOptions(fd, spec, { implicitReuseaddr: false });
      libc().connect(fd, address);
    } catch (err) {
      if (err instanceof LispError) throw err;
      throw fileError('make client process failed', err, spec.contact);
    }
    plistPut(proc.contact, ':remote', socketAddressToLisp(address));
    plistPut(proc.contact, ':local', socketAddressToLisp(libc().getsockname(fd)));
    attachEndpoint(proc, fd, address, false);
  } catch (err) {
    if (fd !== null && proc.endpoint === null) libc().close(fd);
    unregisterProcess(proc);
    throw err;
  }
  if (proc.status.kind === 'connect') {
    setImmediate(() => {
      if (proc.status.kind !== 'connect') return;
      proc.status = { kind: 'run' };
      runSentinel(proc, 'open\n');
    });
  }
  return proc;
}

/**
 * Starts (or resumes) accepting on a seqpacket server's listening socket through the readiness
 * loop, since Node cannot adopt it. Being elproc's own accept loop, it reports an accept failure
 * to `:log` with Emacs's text, once per retry rather than in a busy loop (decision 7).
 */
export function watchAccepts(proc: NetworkProcess): void {
  const fd = proc.listenFd;
  if (fd === null) return;
  readinessLoop().watch(fd, constants().EPOLLIN, () => acceptBatch(proc, fd));
}

/** Stops accepting (stop-process); the kernel keeps queueing connections meanwhile. */
export function pauseAccepts(proc: NetworkProcess): void {
  if (proc.listenFd !== null) readinessLoop().watch(proc.listenFd, 0, () => undefined);
}

/** Forgets the listening socket before it is closed. */
export function unwatchAccepts(proc: NetworkProcess): void {
  if (proc.listenFd !== null) readinessLoop().unwatch(proc.listenFd);
}

function acceptBatch(proc: NetworkProcess, listenFd: number): void {
  for (let count = 0; count < ACCEPT_BATCH; count++) {
    if (proc.stopped || proc.listenFd !== listenFd) return;
    let fd: number | null;
    try {
      fd = libc().accept(listenFd);
    } catch (err) {
      const errno = err instanceof SystemCallError ? err.errno : 0;
      runLog(proc, null, `accept failed with code${errno}\n`);
      setTimeout(() => {
        if (!proc.stopped && proc.listenFd === listenFd) watchAccepts(proc);
      }, ACCEPT_RETRY_MS);
      return;
    }
    if (fd === null) break;
    const { child, peer } = createChild(proc, fd);
    attachEndpoint(child, fd, { family: 'unix', path: Buffer.alloc(0) }, false);
    announceChild(proc, child, peer);
  }
  if (!proc.stopped && proc.listenFd === listenFd) watchAccepts(proc);
}
