/**
 * An echo server and a client with socket options, the way an Emacs package would write them.
 * Prints process-contact of the server, the client and the accepted child, and the options read
 * back from the kernel: the child shows defaults, because children do not inherit options.
 */
import {
  acceptProcessOutput,
  defun,
  intern,
  deleteProcess,
  makeNetworkProcess,
  NetworkProcess,
  networkProcessOption,
  prin1ToString,
  processContact,
  processSendString,
  t,
} from 'elproc';

const OPTIONS = [':keepalive', ':linger', ':oobinline', ':priority', ':reuseaddr', ':nodelay'];

function show(label: string, value: unknown): void {
  console.log(`${label} => ${prin1ToString(value, { escapeNewlines: true })}`);
}

function showOptions(label: string, proc: NetworkProcess): void {
  const read = OPTIONS.flatMap((option) => [intern(option), networkProcessOption(proc, option)]);
  console.log(`${label} getsockopt => ${prin1ToString(read)}`);
}

async function main(): Promise<void> {
  let child: NetworkProcess | null = null;
  const echo = defun('echo-filter', (proc: NetworkProcess, text: string) => processSendString(proc, text));
  const log = defun('log-accept', (_server: NetworkProcess, client: NetworkProcess, message: string) => {
    child = client;
    show('log', message);
  });

  // Plists keep one keyword and its value per line pair, as Lisp code would.
  // prettier-ignore
  const server = await makeNetworkProcess(
    ':name', 'echo', ':server', t, ':service', t, ':host', '127.0.0.1',
    ':filter', echo, ':log', log, ':keepalive', t, ':linger', 3, ':priority', 5,
  );
  const port = processContact(server, ':service');
  const replies: string[] = [];
  // prettier-ignore
  const client = await makeNetworkProcess(
    ':name', 'client', ':host', '127.0.0.1', ':service', port,
    ':keepalive', t, ':oobinline', t, ':nodelay', t,
    ':filter', (_proc: NetworkProcess, text: string) => replies.push(text),
  );

  processSendString(client, 'hello, elproc\n');
  await acceptProcessOutput(client, 2);
  show('client received', replies.join(''));

  show('server contact', processContact(server, t));
  show('client contact', processContact(client, t));
  if (child !== null) show('child contact', processContact(child, t));
  showOptions('server', server);
  showOptions('client', client);
  if (child !== null) showOptions('child ', child);

  deleteProcess(client);
  deleteProcess(server);
  if (child !== null) deleteProcess(child);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
