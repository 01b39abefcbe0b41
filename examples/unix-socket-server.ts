/**
 * A server on a Unix socket (`:family 'local`), as Emacs's server.el listens: a client sends a
 * request, the server answers and closes; its sentinel and the client's show the ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acceptProcessOutput,
  deleteProcess,
  makeNetworkProcess,
  processSendString,
  processStatus,
} from 'elproc';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'elproc-example-'));
  const path = join(dir, 'server.sock');
  try {
    const server = await makeNetworkProcess({
      name: 'local',
      family: 'local',
      server: true,
      service: path,
      filter: (proc, text) => {
        processSendString(proc, `you said ${text.toString()}`);
        deleteProcess(proc);
      },
    });
    let answer = '';
    const events: string[] = [];
    const client = await makeNetworkProcess({
      name: 'local-client',
      family: 'local',
      service: path,
      filter: (_proc, text) => (answer += text.toString()),
      sentinel: (_proc, event) => events.push(event),
    });
    processSendString(client, 'hello');
    while (events.length === 0) await acceptProcessOutput(client, 1);
    console.log(
      `answer: ${JSON.stringify(answer)}, client event: ${JSON.stringify(events[0])}, status: ${String(processStatus(client))}`,
    );
    deleteProcess(server);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
