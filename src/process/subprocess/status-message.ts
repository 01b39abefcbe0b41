import type { InternalStatus } from '../core/status';
import { signalDescription } from './signals';

/**
 * Emacs: status_message for a subprocess's status, the event its sentinel gets: "finished\n",
 * "exited abnormally with code N\n", a signal's description ("killed\n", "interrupt\n", with
 * " (core dumped)" when it dumped core), and the bare status name otherwise ("run").
 */
export function statusMessage(status: InternalStatus): string {
  if (status.kind === 'exit')
    return status.code === 0 ? 'finished\n' : `exited abnormally with code ${status.code}\n`;
  if (status.kind === 'signal')
    return `${signalDescription(status.signal)}${status.coreDumped ? ' (core dumped)' : ''}\n`;
  return status.kind;
}
