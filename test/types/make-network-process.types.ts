/**
 * Type tests for make-network-process, checked by `tsc --noEmit`, never run: each
 * `@ts-expect-error` line is a mistake that must not compile.
 */
import { intern, makeNetworkProcess, t } from '../../src';
import type { NetworkProcess } from '../../src';

export async function typed(): Promise<void> {
  // The object form: handlers get their parameters' types, and the result is a process, not nil.
  const server: NetworkProcess = await makeNetworkProcess({
    name: 'echo',
    server: true,
    service: true,
    keepalive: t,
    filter: (proc, text) => proc.name + text.length,
    sentinel: (proc, event) => event.endsWith('\n') && proc.name,
    log: (srv, client, message) => [srv.name, client?.name, message.trim()],
  });
  void server;
  // The plist form starts with a keyword; its values are not checked.
  const client: NetworkProcess = await makeNetworkProcess(':name', 'c', ':host', '127.0.0.1', ':service', 80);
  void client;
  const none: null = await makeNetworkProcess();
  void none;

  // @ts-expect-error a misspelt keyword in the object form
  await makeNetworkProcess({ name: 'x', serevr: true });
  // @ts-expect-error :name is a string
  await makeNetworkProcess({ name: 42 });
  // @ts-expect-error :name is required
  await makeNetworkProcess({ server: true });
  // @ts-expect-error a filter's parameters are (process, text)
  await makeNetworkProcess({ name: 'x', filter: (proc: NetworkProcess, text: number) => proc.name + text });
  // @ts-expect-error :type names a kind of socket
  await makeNetworkProcess({ name: 'x', type: 'datagarm' });
  // @ts-expect-error a plist starts with a keyword
  await makeNetworkProcess('name', 'x');
  await makeNetworkProcess({ name: 'x', type: intern('datagram'), family: 'ipv6' });
}
