import { constants, libc } from '../../ffi';
import { LispError } from '../../lisp/errors';
import { plistPut } from '../../lisp/plist';
import { applyCreationOptions, fileError, socketAddressToLisp } from '../../options';
import type { NetworkProcessSpec } from '../../options/types';
import { resolveAddresses } from '../sockets/resolve';
import { createProcess, setupCodingSystems } from '../core/create';
import { markOpen } from '../core/lifecycle';
import type { NetworkProcess } from '../core/record';
import { buildOrUndo } from './datagram';
import { MessageTransport } from './message-transport';
import { messageSocket } from '../sockets/message-socket';
import { PolledEndpoint } from './polled-endpoint';

/**
 * A seqpacket client (`:family local` only: Linux has no other seqpacket sockets). A Unix connect
 * completes at once or fails; with `:nowait` the process still starts in status `connect` and
 * turns `open` (sentinel "open\n") on the next turn of the event loop, as Emacs reports it.
 */
export async function makeSeqpacketClient(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const [address] = await resolveAddresses(spec, constants().SOCK_SEQPACKET);
  const proc = createProcess(spec);
  buildOrUndo(proc, (opened) => {
    if (address === undefined) throw new LispError('error', ['No address to connect to']);
    let fd: number;
    try {
      fd = opened(messageSocket(proc, address));
      applyCreationOptions(fd, spec.options, { implicitReuseaddr: false });
      libc().connect(fd, address);
    } catch (err) {
      if (err instanceof LispError) throw err;
      throw fileError('make client process failed', err, spec.contact);
    }
    setupCodingSystems(proc, spec);
    plistPut(proc.contact, ':remote', socketAddressToLisp(address));
    plistPut(proc.contact, ':local', socketAddressToLisp(libc().getsockname(fd)));
    proc.transport = new MessageTransport(proc, (sink) => new PolledEndpoint(fd, sink, true));
  });
  if (proc.status.kind === 'connect') {
    setImmediate(() => {
      if (proc.status.kind === 'connect') markOpen(proc);
    });
  }
  return proc;
}
