/**
 * A UDP echo server and a client: one filter call per datagram, and a reply from the filter goes
 * back to the datagram's sender (Emacs: process-datagram-address).
 */
import {
  acceptProcessOutput,
  deleteProcess,
  formatNetworkAddress,
  makeNetworkProcess,
  processContact,
  processDatagramAddress,
  processSendString,
} from 'elproc';

async function main(): Promise<void> {
  const server = await makeNetworkProcess({
    name: 'udp-echo',
    type: 'datagram',
    server: true,
    service: true,
    host: '127.0.0.1',
    filter: (proc, text) => {
      console.log(
        `server got ${JSON.stringify(text.toString())} from ${String(formatNetworkAddress(processDatagramAddress(proc)))}`,
      );
      processSendString(proc, text.toString().toUpperCase());
    },
  });
  const replies: string[] = [];
  const client = await makeNetworkProcess({
    name: 'udp-client',
    type: 'datagram',
    host: '127.0.0.1',
    service: processContact(server, ':service') as number,
    filter: (_proc, text) => replies.push(text.toString()),
  });
  for (const word of ['one', 'two', 'three']) processSendString(client, word);
  while (replies.length < 3) await acceptProcessOutput(client, 1);
  console.log(`client got ${JSON.stringify(replies)}`);
  deleteProcess(client);
  deleteProcess(server);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
