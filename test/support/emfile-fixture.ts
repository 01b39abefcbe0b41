import { ChildProcessByStdio, spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { waitFor } from './wait';

/** A fixture process with piped stdin and stdout. */
export type FixtureProcess = ChildProcessByStdio<Writable, Readable, null>;

/** The next line the fixture prints (without the newline); rejects if it exits first. */
export function nextLine(child: FixtureProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onExit = (code: number | null): void => reject(new Error(`fixture exited with ${String(code)}`));
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString();
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      child.stdout.off('data', onData);
      // A test may ask many times (logUntil): listeners must not pile up.
      child.off('exit', onExit);
      resolve(buffered.slice(0, end));
    };
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

/** The fixture's :log messages so far. */
export async function logMessages(child: FixtureProcess): Promise<string[]> {
  child.stdin.write('report\n');
  return (JSON.parse(await nextLine(child)) as { messages: string[] }).messages;
}

/** The fixture's :log messages, once `done` holds for them; throws after `timeoutMs`. */
export function logUntil(
  child: FixtureProcess,
  done: (messages: string[]) => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<string[]> {
  return waitFor(
    async () => {
      const messages = await logMessages(child);
      return done(messages) && messages;
    },
    what,
    timeoutMs,
  );
}

/**
 * Starts test/behaviour/fixtures/accept-emfile.ts (a server with a :log function that then takes
 * every free descriptor) under `ulimit -n descriptorLimit`, with `args` (none: a TCP server;
 * `seqpacket PATH`: a Unix seqpacket server). See the fixture for its stdin commands.
 */
export function startEmfileServer(descriptorLimit: number, args: readonly string[] = []): FixtureProcess {
  const fixture = path.join(__dirname, '..', 'behaviour', 'fixtures', 'accept-emfile.ts');
  return spawn(
    'sh',
    [
      '-c',
      `ulimit -n ${descriptorLimit}; exec "$0" -r ts-node/register/transpile-only "$@"`,
      process.execPath,
      fixture,
      ...args,
    ],
    { cwd: path.join(__dirname, '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
}
