import { libc } from '../../ffi';
import { LispError } from '../../lisp/errors';
import type { NetworkProcessSpec } from '../../options/types';
import { resolveAddresses } from '../sockets/resolve';
import { createProcess, setupCodingSystems } from '../core/create';
import type { NetworkProcess } from '../core/record';
import { unregisterProcess } from '../core/registry';
import { ListenerTransport } from './listener';
import { openServerSocket, socketTypeOf } from '../sockets/server-socket';

/** A stream or seqpacket server: listening (status `listen`) once the promise settles. */
export async function makeServer(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const [address] = await resolveAddresses(spec, socketTypeOf(spec.type));
  const proc = createProcess(spec);
  try {
    if (address === undefined) throw new LispError('error', ['No address to listen on']);
    const { fd, kind } = openServerSocket(spec, proc, address);
    try {
      setupCodingSystems(proc, spec);
      proc.transport = new ListenerTransport(proc, fd, kind);
    } catch (err) {
      libc().close(fd);
      throw err;
    }
  } catch (err) {
    unregisterProcess(proc);
    throw err;
  }
  return proc;
}
