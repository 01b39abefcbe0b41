import { constants, libc } from '../ffi';
import { LispError } from '../lisp/errors';
import { plistPut } from '../lisp/plist';
import { applyCreationOptions, socketAddressToLisp } from '../options';
import type { NetworkProcessSpec } from '../options/types';
import { createProcess } from './create-process';
import { fileError } from './file-error';
import { runSentinel } from './handlers';
import { attachEndpoint, messageSocket } from './message-process';
import type { NetworkProcess } from './network-process';
import { unregisterProcess } from './registry';
import { resolveAddresses } from './resolve';

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
