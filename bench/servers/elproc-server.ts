/**
 * elproc's server. `accept` mode: `:keepalive t :linger 5 :oobinline t :priority 3`, a `:log`
 * function, a filter and a sentinel (default coding, utf-8-unix). `echo` mode: `:coding 'binary`
 * and a filter that sends back what it receives with processSendString. `:server 511` gives the
 * listen backlog Node's own servers use (Emacs's `:server t` means 5).
 */
import { intern, makeNetworkProcess, NetworkProcess, processContact, processSendString, t } from '../../src';
import type { NetworkProcessKey } from '../../src';
import { Counters, modeArgument, newCounters, ServerMode, startServerControl } from './server-control';

function serverArgs(mode: ServerMode, counters: Counters): unknown[] {
  // prettier-ignore
  const common = [':name', 'bench', ':server', 511, ':host', '127.0.0.1', ':service', t];
  const sentinel = (_proc: NetworkProcess, message: string): void => {
    if (!message.startsWith('open')) counters.closed++;
  };
  const log = (): void => {
    counters.accepted++;
  };
  if (mode === 'echo') {
    const echo = (proc: NetworkProcess, text: string): void => {
      counters.bytesIn += text.length;
      processSendString(proc, text);
    };
    // prettier-ignore
    return [...common, ':coding', intern('binary'), ':filter', echo, ':sentinel', sentinel, ':log', log];
  }
  // prettier-ignore
  return [
    ...common,
    ':keepalive', t, ':linger', 5, ':oobinline', t, ':priority', 3,
    ':log', log, ':filter', () => undefined, ':sentinel', sentinel,
  ];
}

async function main(): Promise<void> {
  const counters = newCounters();
  const server = await makeNetworkProcess(
    ...(serverArgs(modeArgument(), counters) as [NetworkProcessKey, ...unknown[]]),
  );
  if (server === null) throw new Error('makeNetworkProcess returned nil');
  const port = processContact(server, ':service');
  if (typeof port !== 'number') throw new Error('the server has no port');
  startServerControl(counters, port);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
