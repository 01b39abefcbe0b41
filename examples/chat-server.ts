/**
 * A line-based chat server, as an Emacs package would write one: each line a client sends goes
 * to every other client, prefixed with its sender's name. Two clients talk, then everything is
 * deleted and the program ends.
 */
import {
  acceptProcessOutput,
  deleteProcess,
  makeNetworkProcess,
  processContact,
  processList,
  processName,
  processSendString,
} from 'elproc';
import type { LispString, NetworkProcess } from 'elproc';

async function main(): Promise<void> {
  const members = new Set<NetworkProcess>();
  const partial = new Map<NetworkProcess, string>();
  const server = await makeNetworkProcess({
    name: 'chat',
    server: true,
    service: true,
    host: '127.0.0.1',
    coding: 'utf-8',
    log: (_server, client) => {
      if (client !== null) members.add(client);
    },
    sentinel: (proc, event) => {
      if (!event.startsWith('open')) members.delete(proc);
    },
    filter: (proc, text: LispString) => {
      // Lines may arrive in pieces: keep what follows the last newline for the next read.
      const lines = ((partial.get(proc) ?? '') + text.toString()).split('\n');
      partial.set(proc, lines.pop() ?? '');
      for (const line of lines)
        for (const other of members)
          if (other !== proc) processSendString(other, `${processName(proc)}: ${line}\n`);
    },
  });
  const port = processContact(server, ':service');
  const heard = new Map<string, string>();
  const join = (name: string): Promise<NetworkProcess> =>
    makeNetworkProcess({
      name,
      host: '127.0.0.1',
      service: port as number,
      filter: (proc, text) => heard.set(name, (heard.get(name) ?? '') + text.toString()),
    });
  const alice = await join('alice');
  const bob = await join('bob');
  while (members.size < 2) await acceptProcessOutput(null, 0.05);
  processSendString(alice, 'hello, bob\n');
  processSendString(bob, 'hi, alice — ça va?\n');
  while (!(heard.get('alice') ?? '').includes('ça va') || !(heard.get('bob') ?? '').includes('hello')) {
    await acceptProcessOutput(null, 0.05);
  }
  console.log(`alice heard: ${JSON.stringify(heard.get('alice'))}`);
  console.log(`bob heard: ${JSON.stringify(heard.get('bob'))}`);
  for (const proc of processList()) deleteProcess(proc);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
