/**
 * Run by test/behaviour/server-client.test.ts in a private mount namespace whose /etc/hosts lists
 * `localhost` in a chosen order. For a server bound to 127.0.0.1 only and one bound to ::1 only,
 * it connects an elproc client to "localhost" and prints one JSON line: what the resolver listed,
 * and per server the client's status and :remote, or the printed error.
 */
import { promises as dns } from 'dns';
import {
  deleteProcess,
  LispError,
  makeNetworkProcess,
  prin1ToString,
  processContact,
  processStatus,
  t,
} from '../../src';

interface Outcome {
  status?: string;
  remote?: string;
  error?: string;
}

async function reach(bindHost: string): Promise<Outcome> {
  const srv = await makeNetworkProcess(
    ':name',
    `probe-${bindHost}`,
    ':server',
    t,
    ':host',
    bindHost,
    ':service',
    t,
  );
  if (srv === null) throw new Error('no server');
  try {
    const port = processContact(srv, ':service');
    const client = await makeNetworkProcess(':name', 'probe-client', ':host', 'localhost', ':service', port);
    if (client === null) throw new Error('no client');
    const outcome = {
      status: processStatus(client)?.name,
      remote: prin1ToString(processContact(client, ':remote')),
    };
    deleteProcess(client);
    return outcome;
  } catch (err) {
    return { error: err instanceof LispError ? prin1ToString(err.toLisp()) : String(err) };
  } finally {
    deleteProcess(srv);
  }
}

async function main(): Promise<void> {
  const lookup = (await dns.lookup('localhost', { all: true, verbatim: true })).map((a) => a.address);
  const result = { lookup, v4: await reach('127.0.0.1'), v6: await reach('::1') };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
