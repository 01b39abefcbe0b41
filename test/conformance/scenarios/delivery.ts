import { deleteProcess, NetworkProcess, processContact, processSendString, t } from '../../../src';
import { mk, peerChild, Scenario, thePeerChild, waitUntil } from '../twin';

/** A client that counts what arrives and keeps the message of its sentinel. */
async function countingClient(
  name: string,
  port: number,
): Promise<{ c: NetworkProcess; got: () => number; closed: () => string | null }> {
  let got = 0;
  let closed: string | null = null;
  const c = await mk(
    ':name', name, ':host', '127.0.0.1', ':service', port,
    ':filter', (_proc: NetworkProcess, text: string) => (got += text.length),
    ':sentinel', (_proc: NetworkProcess, msg: string) => (closed = msg),
  ); // prettier-ignore
  return { c, got: () => got, closed: () => closed };
}

/** What is sent before delete-process reaches the peer, inside a filter and outside one. */
const replyThenDelete: Scenario = {
  name: 'reply-then-delete',
  async twin(out) {
    const replyFilter = (proc: NetworkProcess, text: string): void => {
      processSendString(proc, 'x'.repeat(Number(text)));
      deleteProcess(proc);
    };
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':filter', replyFilter);
    const port = processContact(srv, ':service') as number;
    for (const size of [1000, 100000, 2000000]) {
      const { c, got, closed } = await countingClient('c', port);
      processSendString(c, String(size));
      await waitUntil(closed, 20);
      out.p(`in a filter: ${size} sent, then deleted`, [got(), closed()]);
      deleteProcess(c);
    }
    const srv2 = await mk(':name', 'srv2', ':server', t, ':service', t);
    const port2 = processContact(srv2, ':service') as number;
    for (const size of [1000, 2000000]) {
      const { c, got, closed } = await countingClient('c2', port2);
      await waitUntil(() => peerChild('srv2', c));
      const child = thePeerChild('srv2', c);
      processSendString(child, 'y'.repeat(size));
      deleteProcess(child);
      await waitUntil(closed, 20);
      out.p(`outside a filter: ${size} sent, then deleted`, [got(), closed()]);
      deleteProcess(c);
    }
  },
};

export const deliveryScenarios: readonly Scenario[] = [replyThenDelete];
